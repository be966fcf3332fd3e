"""new-api gateways (relay): string codes, HTTP status per code, TaskDto with Suno clips (MUSIC)
or one lyrics object (LYRICS); the gateway extensions this mock serves (persona create) refuse
clips it never made, as extensions refuse an unknown origin task."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from .. import _spec
from .._tasks import MockTask, MockTrack, Stage
from ._base import FALLBACK_TEXT, Answer, Dialect, Refusal, Renderer, Store, iso, media_url, text
from ._fixtures import documented_ids

__all__ = ["RelayDialect"]


class RelayDialect(Dialect):
    """new-api gateways: string codes, HTTP status per code, TaskDto with Suno clips."""

    state_schema = "TaskStatus"
    clip_schema = "ClipStatus"
    model_field = "mv"

    # Kinds the gateway itself answers (token check, channel selection) in the OpenAI error
    # shape; the status comes from ErrorResponse.x-sunokit-http-status-kinds.
    _GATEWAY_KINDS: ClassVar[frozenset[str]] = frozenset({"authentication", "maintenance"})
    _PROGRESS: ClassVar[Mapping[str, str]] = {
        "queued": "0%",
        "text": "30%",
        "first": "60%",
        "complete": "100%",
        "failed": "100%",
    }

    def __init__(self, vendor: str) -> None:
        super().__init__(vendor)
        self._persona = PersonaRenderer(self)

    def renderer(self, capability: str) -> Renderer | None:
        return self._persona if capability == self._persona.capability else None

    def refuse_submit(self, store: Store, operation_id: str, body: Any) -> Refusal | None:
        """An extension whose origin task (`task_id` with `continue_clip_id`) is not one of
        this token's tasks: 400 task_not_exist "task_origin_not_exist" (new-api relay_task);
        a concat (gateway extension) of a clip the gateway never made."""
        if not isinstance(body, Mapping):
            return None
        origin = body.get("task_id") if body.get("continue_clip_id") else None
        known = documented_ids(self.vendor, operation_id, "task_id")
        if isinstance(origin, str) and origin not in known and store.find_task(origin) is None:
            return Refusal("not_found", "task_origin_not_exist")
        clip = body.get("clip_id")
        known = documented_ids(self.vendor, operation_id, "clip_id")
        if isinstance(clip, str) and clip not in known and store.find_track(clip) is None:
            return Refusal("not_found", "clip_not_exist")
        return None

    def track_durations(
        self, operation_id: str, body: Any, durations: Sequence[float]
    ) -> Sequence[float]:
        """A concat (gateway extension) makes the one whole song, not a pair of takes."""
        return durations[:1] if operation_id == "concat_clips" else durations

    def envelope(self, code: int | str, message: str) -> dict[str, Any]:
        return {"code": code, "message": message, "data": None}

    def http_status(self, code: int | str, kind: str) -> int:
        return _spec.http_status_in_description(self.vendor, code) or 500

    def error(
        self,
        kind: str,
        message: str | None = None,
        *,
        status: int | None = None,
        refined: bool = True,
        schema: str = _spec.CODE_SCHEMA,
    ) -> Answer:
        gateway_status = _spec.status_for_kind(self.vendor, kind)
        if kind in self._GATEWAY_KINDS and gateway_status is not None:
            text = message or (
                "无效的令牌 (sunokit mock)" if kind == "authentication" else FALLBACK_TEXT[kind]
            )
            body = {"error": {"message": text, "type": "new_api_error", "code": ""}}
            return Answer(status or gateway_status, body, kind=kind)
        return super().error(kind, message, status=status, refined=refined, schema=schema)

    def unknown_path(self, method: str, path: str) -> Answer:
        body = {
            "error": {
                "message": f"Invalid URL ({method} {path})",
                "type": "invalid_request_error",
                "code": "",
            }
        }
        return Answer(404, body, kind="not_found")

    def method_not_allowed(self, method: str, path: str, allow: str) -> Answer:
        answer = self.unknown_path(method, path)
        return Answer(405, answer.body, {"Allow": allow}, kind="not_found")

    def _clip(self, task: MockTask, track: MockTrack, state: str, stage: Stage) -> dict[str, Any]:
        done = self.clip_done(stage, track.index)
        live = stage not in ("queued", "failed")
        sensitive = task.failure == "sensitive"
        concat = task.operation == "concat_clips"
        return {
            "id": track.id,
            "video_url": "",
            "audio_url": media_url(task, track, "wav") if live else "",
            "image_url": media_url(task, track, "png") if live else None,
            "image_large_url": media_url(task, track, "png") if live else None,
            "is_video_pending": False,
            "major_model_version": self.model(task).removeprefix("chirp-"),
            "model_name": self.model(task),
            "is_liked": False,
            "user_id": "00000000-0000-4000-8000-000000000001",
            "display_name": "sunokit-mock",
            "handle": "sunokit-mock",
            "is_handle_updated": False,
            "is_trashed": False,
            "reaction": None,
            "created_at": iso(task.wall),
            "status": state,
            "title": self.title(task),
            "play_count": 0,
            "upvote_count": 0,
            "is_public": False,
            "metadata": {
                "tags": self.tags(task),
                "prompt": text(task.body.get("prompt")),
                "gpt_description_prompt": text(task.body.get("gpt_description_prompt")),
                "audio_prompt_id": None,
                "history": None,
                "concat_history": [{"id": task.body.get("clip_id")}] if concat else None,
                "type": "concat" if concat else "gen",
                "duration": track.duration if done else None,
                "refund_credits": True if stage == "failed" else None,
                "stream": True,
                "error_type": ("moderation_failure" if sensitive else "generation_failure")
                if stage == "failed"
                else None,
                "error_message": task.reason if stage == "failed" else None,
            },
        }

    def _lyrics(self, task: MockTask, stage: Stage) -> dict[str, Any] | None:
        """A LYRICS task's data: Suno's lyrics object, once the upstream reports it."""
        if stage == "queued":
            return None
        theme = text(task.body.get("prompt")) or "a song"
        done = stage == "complete"
        return {
            "id": task.id,
            "status": "complete" if done else ("error" if stage == "failed" else "running"),
            "title": " ".join(theme.split()[:4]).title() if done else "",
            "text": f"[Verse]\n{theme}\n[Chorus]\nSing it again, sing it tonight" if done else "",
        }

    def _task_dto(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        created = int(task.wall)
        lyrics = task.capability == "lyrics.generate"
        clips: Any = None
        if lyrics:
            clips = self._lyrics(task, stage)
        elif stage != "queued":
            states = self.clip_states(stage, len(task.tracks))
            clips = [
                self._clip(task, track, state, stage)
                for track, state in zip(task.tracks, states, strict=True)
            ]
        finished = stage in ("complete", "failed")
        return {
            "id": task.number,
            "created_at": created,
            "updated_at": created,
            "task_id": task.id,
            "platform": "suno",
            "user_id": 1,
            "group": "default",
            "channel_id": 1,
            "quota": 1,
            "action": "LYRICS" if lyrics else "MUSIC",
            "status": self.task_state(stage, task),
            "fail_reason": task.reason if stage == "failed" else "",
            "submit_time": created,
            "start_time": created if stage != "queued" else 0,
            "finish_time": created if finished else 0,
            "progress": self._PROGRESS[stage],
            "properties": {
                "input": self.lyrics(task) or "",
                "upstream_model_name": "suno_lyrics" if lyrics else "suno_music",
                "origin_model_name": "suno_lyrics" if lyrics else "suno_music",
            },
            "data": clips,
        }

    def submitted(self, task: MockTask) -> Answer:
        return Answer(200, {"code": self.ok, "message": "", "data": task.id})

    def task_status(self, task: MockTask, stage: Stage) -> Answer:
        body = {"code": self.ok, "message": "", "data": self._task_dto(task, stage)}
        return Answer(200, body, task_status=True)

    def task_list(self, tasks: list[tuple[MockTask, Stage]]) -> Answer:
        data = [self._task_dto(task, stage) for task, stage in tasks]
        return Answer(200, {"code": self.ok, "message": "", "data": data}, task_status=True)

    def set_unknown_status(self, body: Any, value: str) -> None:
        data = body.get("data") if isinstance(body, dict) else None
        for dto in data if isinstance(data, list) else [data]:
            if isinstance(dto, dict):
                dto["status"] = value


class PersonaRenderer(Renderer):
    """Persona create (gateway extension): Suno's persona object at once, for a clip this
    gateway made (else 400 task_not_exist, as for an unknown origin task)."""

    capability = "persona.create"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        clip = body.get("root_clip_id")
        if not isinstance(clip, str) or store.find_track(clip) is None:
            return Refusal("not_found", "clip_not_exist")
        return None

    def prepare(self, store: Store, task: MockTask) -> None:
        found = store.find_track(str(task.body["root_clip_id"]))
        assert found is not None  # refused otherwise
        music, track = found
        task.data["clip"] = {
            "id": track.id,
            "title": text(music.body.get("title")) or "sunokit mock song",
            "status": "complete",
            "audio_url": media_url(music, track, "wav"),
        }
        task.data["image"] = media_url(music, track, "png")

    def answer(self, store: Store, task: MockTask) -> Answer:
        clip = task.data["clip"]
        body = {
            "id": task.id,
            "name": task.body.get("name"),
            "description": task.body.get("description"),
            "image_s3_id": task.data["image"],
            "root_clip_id": clip["id"],
            "clip": clip,
            "user_display_name": "sunokit-mock",
            "user_handle": "sunokit-mock",
            "user_image_url": None,
            "persona_clips": [{"clip": clip}],
            "is_public": bool(task.body.get("is_public")),
        }
        return Answer(200, body)
