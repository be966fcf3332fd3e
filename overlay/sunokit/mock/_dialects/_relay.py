"""new-api gateways (relay): string codes, HTTP status per code, TaskDto with Suno clips (MUSIC)
or one lyrics object (LYRICS); and every gateway extension of the spec, each refusing clips,
tasks and personas this gateway never made, as extensions refuse an unknown origin task.

Extensions polled with /suno/fetch (concat, WAV, MP4, upsample tags, and the `task` modes of
submit_music: upload_extend, infill, gen_stem, artist_consistency, cover) are music-family tasks
shaped here per operation and mode; the others (upload by URL, persona, timing, stems GET, the
lyrics v1 query) have renderers of their own."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from .. import _spec
from .._tasks import MockTask, MockTrack, Stage
from ._base import FALLBACK_TEXT, Answer, Dialect, Refusal, Renderer, Store, iso, media_url, text
from ._fixtures import documented_ids

# The `task` values of submit_music that act on the clip in continue_clip_id without an
# origin task_id (the spec's x-sunokit-extension-values; upload_extend takes an uploaded clip).
_CLIP_TASKS = frozenset({"upload_extend", "infill", "gen_stem"})
_STEM_NAMES = ("Vocals", "Instrumental")

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
        renderers: list[Renderer] = [
            PersonaRenderer(self),
            UploadRenderer(self),
            TimingRenderer(self),
            StemsRenderer(self),
            LyricsV1Renderer(self),
        ]
        self._renderers = {renderer.capability: renderer for renderer in renderers}

    def renderer(self, capability: str) -> Renderer | None:
        return self._renderers.get(capability)

    def refuse_submit(self, store: Store, operation_id: str, body: Any) -> Refusal | None:
        """An extension whose origin task (`task_id` with `continue_clip_id`) is not one of
        this token's tasks: 400 task_not_exist "task_origin_not_exist" (new-api relay_task);
        a gateway extension (concat, WAV, MP4, the clip tasks, a cover) of a clip the gateway
        never made or was never given (upload); a persona song of a persona it never made."""
        if not isinstance(body, Mapping):
            return None
        mode = body.get("task")
        origin = body.get("task_id") if body.get("continue_clip_id") else None
        known = documented_ids(self.vendor, operation_id, "task_id")
        if isinstance(origin, str) and origin not in known and store.find_task(origin) is None:
            return Refusal("not_found", "task_origin_not_exist")
        clips = ["clip_id", "cover_clip_id"] + (["continue_clip_id"] if mode in _CLIP_TASKS else [])
        for field in clips:
            clip = body.get(field)
            known = documented_ids(self.vendor, operation_id, field)
            if isinstance(clip, str) and clip not in known and not known_clip(store, clip):
                return Refusal("not_found", "clip_not_exist")
        persona = body.get("persona_id") if mode == "artist_consistency" else None
        known = documented_ids(self.vendor, operation_id, "persona_id")
        if isinstance(persona, str) and persona not in known:
            made = store.find_task(persona)
            if made is None or made.capability != "persona.create":
                return Refusal("not_found", "persona_not_exist")
        return None

    def track_durations(
        self, operation_id: str, body: Any, durations: Sequence[float]
    ) -> Sequence[float]:
        """A concat makes the one whole song, a WAV or MP4 the one clip converted, upsampled
        tags no clip at all; every other MUSIC task (gen_stem: one clip per stem) a pair."""
        if operation_id in ("concat_clips", "get_wav", "get_mp4"):
            return durations[:1]
        if operation_id == "upsample_tags":
            return ()
        return durations

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
        stem = task.body.get("task") == "gen_stem"
        video = task.operation == "get_mp4" and done
        source = text(task.body.get("clip_id")) or text(task.body.get("continue_clip_id"))
        kind = {"concat_clips": "concat", "get_wav": "wav", "get_mp4": "mv"}.get(task.operation)
        title = self.title(task)
        if stem:
            title = f"{title} - {_STEM_NAMES[track.index % len(_STEM_NAMES)]}"
        return {
            "id": track.id,
            "video_url": media_url(task, track, "mp4") if video else "",
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
            "title": title,
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
                "type": "stem" if stem else (kind or "gen"),
                "stem_from_id": source if stem else None,
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

    def _upsampled(self, task: MockTask, stage: Stage) -> dict[str, Any] | None:
        """An UPSAMPLE_TAGS task's data (not documented: Suno's own answer, one object)."""
        if stage in ("queued", "failed"):
            return None
        tags = text(task.body.get("tags")) or "pop"
        done = stage == "complete"
        return {
            "id": task.id,
            "status": "complete" if done else "running",
            "upsampled_tags": f"{tags}, warm analog synths, airy vocals" if done else "",
        }

    def _task_dto(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        created = int(task.wall)
        lyrics = task.capability == "lyrics.generate"
        upsample = task.operation == "upsample_tags"
        clips: Any = None
        if lyrics:
            clips = self._lyrics(task, stage)
        elif upsample:
            clips = self._upsampled(task, stage)
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
            "action": "LYRICS" if lyrics else ("UPSAMPLE_TAGS" if upsample else "MUSIC"),
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


def known_clip(store: Store, clip: str) -> bool:
    """A clip this gateway made (a track of one of its tasks) or was given (an upload)."""
    if store.find_track(clip) is not None:
        return True
    uploaded = store.find_task(clip)
    return uploaded is not None and uploaded.capability == "upload.clip"


def _clip_of(
    renderer: Renderer, store: Store, operation_id: str, body: Any
) -> tuple[MockTask, MockTrack] | Refusal | None:
    """The clip a clip extension names (`clip_id`): a track this gateway made, None for an
    upload or a documented sample clip, a Refusal (400 task_not_exist) for any other id."""
    clip = body.get("clip_id") if isinstance(body, Mapping) else None
    known = documented_ids(renderer.vendor, operation_id, "clip_id")
    if not isinstance(clip, str) or (clip not in known and not known_clip(store, clip)):
        return Refusal("not_found", "clip_not_exist")
    return store.find_track(clip)


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


class UploadRenderer(Renderer):
    """Upload by URL (gateway extension): answered at once with the new clip's id, which later
    extensions (upload_extend, cover_clip_id, timing) accept as a clip this gateway was given."""

    capability = "upload.clip"

    def answer(self, store: Store, task: MockTask) -> Answer:
        return Answer(200, {"code": self.dialect.ok, "message": "", "data": task.id})


class TimingRenderer(Renderer):
    """Aligned lyrics (gateway extension): each word of the clip's lyrics spread over its
    duration, for a clip this gateway made or was given; 400 task_not_exist for any other."""

    capability = "lyrics.timestamped"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        found = _clip_of(self, store, operation_id, body)
        if isinstance(found, Refusal):
            return self.dialect.error(found.kind, found.message)
        words: list[str] = []
        duration = 60.0
        if found is not None:
            music, track = found
            duration = track.duration
            lyrics = text(music.body.get("prompt")) or "la la la"
            words = [word for word in lyrics.split() if not word.startswith("[")] or ["la"]
        step = duration / max(len(words), 1)
        aligned = [
            {
                "word": word,
                "success": True,
                "start_s": round(index * step, 2),
                "end_s": round((index + 1) * step, 2),
                "p_align": 0.9,
            }
            for index, word in enumerate(words)
        ]
        body_out = {
            "aligned_words": aligned,
            "waveform_data": [0.01, 0.2, 0.43, 0.38],
            "hoot_cer": 0.035,
            "is_streamed": False,
        }
        return Answer(200, body_out)


class StemsRenderer(Renderer):
    """Stems, GET form (gateway extension): Suno's answer at once, the two stem clips of a clip
    this gateway made, queued (the page documents no way to follow them)."""

    capability = "audio.stems"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        found = _clip_of(self, store, operation_id, body)
        return found if isinstance(found, Refusal) else None

    def answer(self, store: Store, task: MockTask) -> Answer:
        source = str(task.body["clip_id"])
        found = store.find_track(source)
        title = text(found[0].body.get("title")) if found is not None else None
        clips = [
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{task.id}/stem/{index}")),
                "status": "queued",
                "title": f"{title or 'sunokit mock song'} - {name}",
                "model_name": "chirp-stem",
                "audio_url": "",
                "created_at": iso(task.wall),
                "metadata": {"type": "stem", "stem_from_id": source, "duration": None},
            }
            for index, name in enumerate(_STEM_NAMES)
        ]
        return Answer(200, {"clips": clips})


class LyricsV1Renderer(Renderer):
    """The lyrics v1 query (gateway extension): Suno's lyrics object of a lyrics task this
    gateway runs, at its stage; 400 task_not_exist for any other id (as get_task answers)."""

    capability = "lyrics.get"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        task_id = body.get("task_id") if isinstance(body, Mapping) else None
        task = store.find_task(task_id) if isinstance(task_id, str) else None
        if task is None or task.capability != "lyrics.generate":
            return self.dialect.error("not_found", "task_not_exist")
        stage = store.stage(task)
        done = stage == "complete"
        theme = text(task.body.get("prompt")) or "a song"
        answer = {
            "status": self.state(task, stage, "LyricsV1Status"),
            "error_message": task.reason if stage == "failed" else "",
            "text": f"[Verse]\n{theme}\n[Chorus]\nSing it again, sing it tonight" if done else "",
            "title": " ".join(theme.split()[:4]).title() if done else "",
            "tags": ["pop"] if done else [],
        }
        return Answer(200, answer, task_status=True, renderer=self)

    def set_unknown_status(self, body: Any, value: str) -> None:
        if isinstance(body, dict):
            body["status"] = value
