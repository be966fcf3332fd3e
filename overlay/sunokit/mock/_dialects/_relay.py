"""new-api gateways (relay): string codes, HTTP status per code, TaskDto with Suno clips."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _spec
from .._tasks import MockTask, MockTrack, Stage
from ._base import FALLBACK_TEXT, Answer, Dialect, iso, media_url, text

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
                "concat_history": None,
                "type": "gen",
                "duration": track.duration if done else None,
                "refund_credits": True if stage == "failed" else None,
                "stream": True,
                "error_type": ("moderation_failure" if sensitive else "generation_failure")
                if stage == "failed"
                else None,
                "error_message": task.reason if stage == "failed" else None,
            },
        }

    def _task_dto(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        created = int(task.wall)
        clips = None
        if stage != "queued":
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
            "action": "MUSIC",
            "status": self.task_state(stage, task),
            "fail_reason": task.reason if stage == "failed" else "",
            "submit_time": created,
            "start_time": created if stage != "queued" else 0,
            "finish_time": created if finished else 0,
            "progress": self._PROGRESS[stage],
            "properties": {
                "input": self.lyrics(task) or "",
                "upstream_model_name": "suno_music",
                "origin_model_name": "suno_music",
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
