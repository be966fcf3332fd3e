"""Per-vendor wire formats of the mock: envelopes, status bodies, callback bodies.

Which code means what and which state value stands for which stage are read from the spec
(`_spec`); what is written here is only each vendor's shape, as its spec's examples show it.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
import json
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _specs
from . import _spec
from ._tasks import STAGE_STATES, MockTask, MockTrack, Stage

__all__ = ["Answer", "Dialect", "dialect_for"]

_FALLBACK_TEXT = {
    "authentication": "Invalid API key",
    "insufficient_credits": "Insufficient credits",
    "invalid_request": "Invalid request",
    "not_found": "Not found",
    "rate_limited": "Too many requests",
    "maintenance": "The system is under maintenance, please try again later",
    "server_error": "Internal server error",
    "content_rejected": "The prompt contains sensitive words.",
    "conflict": "Conflict",
}

# Per-clip neutral state at each stage: the first clip finishes first.
_CLIP_STATES: dict[str, tuple[str, str]] = {  # stage -> (first clip, other clips)
    "queued": ("queued", "queued"),
    "text": ("running", "running"),
    "first": ("succeeded", "running"),
    "complete": ("succeeded", "succeeded"),
    "failed": ("failed", "failed"),
}


@dataclasses.dataclass
class Answer:
    """One answer before rendering: HTTP status, JSON body, extra headers."""

    status: int
    body: Any
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    kind: str | None = None  # the error kind, None for a success
    task_status: bool = False  # carries task states (the unknown_status fault applies)


def media_url(task: MockTask, track: MockTrack, extension: str) -> str:
    return f"{task.base_url}__mock__/media/{track.id}.{extension}"


def _iso(wall: float) -> str:
    moment = datetime.datetime.fromtimestamp(wall, tz=datetime.timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _plain_time(wall: float) -> str:
    moment = datetime.datetime.fromtimestamp(wall, tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value != "" else None


def _seconds(value: float) -> str:
    """A duration as the numeric string some vendors send ("3", "3.5")."""
    return f"{value:g}"


class Dialect(abc.ABC):
    vendor: str
    message_key: ClassVar[str] = "message"
    state_schema: ClassVar[str | None] = None  # task-level state enum
    clip_schema: ClassVar[str | None] = None  # clip-level state enum
    staged_callbacks: ClassVar[bool] = False  # a callback per stage, else only at the end
    title_field: ClassVar[str] = "title"
    tags_field: ClassVar[str] = "tags"
    model_field: ClassVar[str] = "model"

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        # The envelope's success code, from the spec's code enum (the value it gives no error kind).
        self.ok: Any = _specs.success_codes(vendor, _spec.CODE_SCHEMA)[0]

    # ------------------------------------------------------------------ ids and content

    def new_task_id(self, seed: uuid.UUID) -> str:
        return str(seed)

    def new_track_id(self, seed: uuid.UUID) -> str:
        return str(seed)

    def lyrics(self, task: MockTask) -> str | None:
        return _text(task.body.get("prompt")) or _text(task.body.get("gpt_description_prompt"))

    def title(self, task: MockTask) -> str:
        return _text(task.body.get(self.title_field)) or "sunokit mock song"

    def tags(self, task: MockTask) -> str | None:
        return _text(task.body.get(self.tags_field))

    def model(self, task: MockTask) -> str:
        given = _text(task.body.get(self.model_field))
        if given:
            return given
        default = _spec.request_default(self.vendor, "submit", self.model_field)
        return str(default) if default else "mock"

    # ------------------------------------------------------------------ states

    def task_state(self, stage: Stage, task: MockTask) -> str:
        assert self.state_schema is not None
        if stage == "failed":
            kind = "content_rejected" if task.failure == "sensitive" else None
            return _spec.failure_state(self.vendor, self.state_schema, kind)
        return _spec.state_for(self.vendor, self.state_schema, STAGE_STATES[stage])

    def clip_states(self, stage: Stage, count: int) -> list[str]:
        assert self.clip_schema is not None
        first, others = _CLIP_STATES[stage]
        return [
            _spec.state_for(self.vendor, self.clip_schema, (first if index == 0 else others,))
            for index in range(count)
        ]

    @staticmethod
    def clip_done(stage: Stage, index: int) -> bool:
        return stage == "complete" or (stage == "first" and index == 0)

    # ------------------------------------------------------------------ errors

    def envelope(self, code: int | str, message: str) -> dict[str, Any]:
        return {"code": code, self.message_key: message}

    def http_status(self, code: int | str, kind: str) -> int:
        """The HTTP status of an error answer carrying `code` (the envelope on HTTP 200)."""
        return 200

    def error(
        self,
        kind: str,
        message: str | None = None,
        *,
        status: int | None = None,
        refined: bool = True,
    ) -> Answer:
        """The vendor's answer for an error of `kind` (a code from x-sunokit-error-kinds;
        `refined`: a code that means `kind` only with certain messages may be used).

        A kind the vendor documents no code for (maintenance at sunoapi_com and sunosay) is
        answered as the vendor's documented server error: the server_error code, its message,
        on the HTTP status the vendor uses for that code - never a code/status pair the spec
        does not describe (e.g. HTTP 503 carrying code 500 where code equals the status).
        """
        code = _spec.code_for(self.vendor, kind, refined=refined)
        if code is None and kind != "server_error":
            return self.error("server_error", message, status=status)
        if code is None:  # not even a server error code: a bare 500 in the envelope
            code = 500
        text = message or _spec.message_for(
            self.vendor,
            code,
            kind,
            key=self.message_key,
            fallback=_FALLBACK_TEXT.get(kind, kind),
        )
        http = status or self.http_status(code, kind)
        return Answer(http, self.envelope(code, text), kind=kind)

    def server_error(self, status: int) -> Answer:
        return self.error("server_error", status=status)

    def unknown_path(self, method: str, path: str) -> Answer:
        return self.error(
            "not_found",
            f"Invalid request method or path: {method} {path}",
            status=404,
            refined=False,
        )

    def method_not_allowed(self, method: str, path: str, allow: str) -> Answer:
        answer = self.error(
            "not_found",
            f"Invalid request method or path: {method} {path} (allowed: {allow})",
            status=405,
            refined=False,
        )
        answer.headers["Allow"] = allow
        return answer

    # ------------------------------------------------------------------ successes

    @abc.abstractmethod
    def submitted(self, task: MockTask) -> Answer: ...

    @abc.abstractmethod
    def task_status(self, task: MockTask, stage: Stage) -> Answer: ...

    def task_list(self, tasks: list[tuple[MockTask, Stage]]) -> Answer:
        raise NotImplementedError

    def credits(self, remaining: int | None) -> Answer:
        raise NotImplementedError

    def callback_stages(self, reached: list[Stage]) -> list[Stage]:
        """The reached stages that are announced by a callback."""
        if self.staged_callbacks:
            return [stage for stage in reached if stage != "queued"]
        return [stage for stage in reached if stage in ("complete", "failed")]

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        raise NotImplementedError

    @abc.abstractmethod
    def set_unknown_status(self, body: Any, value: str) -> None:
        """Replace the task state(s) in a status body with `value`."""


# ---------------------------------------------------------------------------- kie family


class KieDialect(Dialect):
    """SunoAPI.org and Apikley: `{code, msg, data}` on HTTP 200, staged callbacks."""

    message_key = "msg"
    state_schema = "TaskStatus"
    staged_callbacks = True
    tags_field = "style"

    def new_task_id(self, seed: uuid.UUID) -> str:
        return seed.hex

    def envelope(self, code: int | str, message: str) -> dict[str, Any]:
        return {"code": code, "msg": message, "data": None}

    def lyrics(self, task: MockTask) -> str | None:
        return _text(task.body.get("prompt"))

    def _model_name(self, task: MockTask) -> str:
        return "chirp-" + self.model(task).lower().replace("_", "-")

    def _track(
        self, task: MockTask, track: MockTrack, done: bool, *, snake: bool
    ) -> dict[str, Any]:
        audio = media_url(task, track, "wav")
        image = media_url(task, track, "png")
        fields = {
            "id": track.id,
            "audioUrl": audio if done else "",
            "sourceAudioUrl": audio if done else "",
            "streamAudioUrl": audio,
            "sourceStreamAudioUrl": audio,
            "imageUrl": image,
            "sourceImageUrl": image,
            "prompt": self.lyrics(task) or "",
            "modelName": self._model_name(task),
            "title": self.title(task),
            "tags": self.tags(task) or "",
            "createTime": _plain_time(task.wall),
            "duration": track.duration if done else None,
        }
        if not snake:
            return fields
        renamed = {
            "audioUrl": "audio_url",
            "sourceAudioUrl": "source_audio_url",
            "streamAudioUrl": "stream_audio_url",
            "sourceStreamAudioUrl": "source_stream_audio_url",
            "imageUrl": "image_url",
            "sourceImageUrl": "source_image_url",
            "modelName": "model_name",
        }
        return {renamed.get(key, key): value for key, value in fields.items()}

    def _tracks(self, task: MockTask, stage: Stage, *, snake: bool) -> list[dict[str, Any]]:
        if stage in ("queued", "text", "failed"):
            return []
        return [
            self._track(task, track, self.clip_done(stage, track.index), snake=snake)
            for track in task.tracks
        ]

    def _failure_code(self, task: MockTask) -> int | str:
        kind = "content_rejected" if task.failure == "sensitive" else "server_error"
        code = _spec.code_for(self.vendor, kind, "CallbackCode")
        return code if code is not None else 500

    def submitted(self, task: MockTask) -> Answer:
        return Answer(200, {"code": self.ok, "msg": "success", "data": {"taskId": task.id}})

    def task_status(self, task: MockTask, stage: Stage) -> Answer:
        extend = task.role == "extend"
        failed = stage == "failed"
        record = {
            "taskId": task.id,
            "parentMusicId": str(task.body.get("audioId") or "") if extend else "",
            "param": json.dumps(task.body, ensure_ascii=False, separators=(",", ":")),
            "response": None
            if stage in ("queued", "failed")
            else {"taskId": task.id, "sunoData": self._tracks(task, stage, snake=False)},
            "status": self.task_state(stage, task),
            "type": "EXTEND" if extend else "GENERATE",
            "operationType": "extend" if extend else "generate",
            "errorCode": self._failure_code(task) if failed else None,
            "errorMessage": task.reason if failed else None,
            "createTime": int(task.wall * 1000),
        }
        return Answer(200, {"code": self.ok, "msg": "success", "data": record}, task_status=True)

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        neutral = STAGE_STATES[stage][0]
        callback_type = _spec.state_for(self.vendor, "CallbackType", (neutral,))
        if stage == "failed":
            return {
                "code": self._failure_code(task),
                "msg": task.reason,
                "data": {
                    "callbackType": callback_type,
                    "task_id": task.id,
                    "data": None,
                    "error": task.reason,
                },
            }
        return {
            "code": _specs.success_codes(self.vendor, "CallbackCode")[0],
            "msg": _spec.callback_message(self.vendor, callback_type, fallback="success"),
            "data": {
                "callbackType": callback_type,
                "task_id": task.id,
                "data": self._tracks(task, stage, snake=True),
            },
        }

    def set_unknown_status(self, body: Any, value: str) -> None:
        data = body.get("data") if isinstance(body, dict) else None
        if isinstance(data, dict):
            data["status"] = value


# ---------------------------------------------------------------------------- SunoSay


class SunosayDialect(Dialect):
    """SunoSay: `{code, task_id, message}` / `{code, task_id, status, prompt, clips}`, no callbacks."""

    state_schema = "TaskStatus"
    clip_schema = "ClipStatus"

    def submitted(self, task: MockTask) -> Answer:
        return Answer(200, {"code": self.ok, "task_id": task.id, "message": "ok!"})

    def task_status(self, task: MockTask, stage: Stage) -> Answer:
        clips: list[dict[str, Any]] = []
        if stage != "queued":
            states = self.clip_states(stage, len(task.tracks))
            for track, state in zip(task.tracks, states, strict=True):
                done = self.clip_done(stage, track.index)
                live = stage != "failed"
                clips.append(
                    {
                        "continue_clip_id": track.id,
                        "title": self.title(task),
                        "status": state,
                        "audio_url": media_url(task, track, "wav") if live else "",
                        "image_url": media_url(task, track, "png") if live else "",
                        "video_url": None,
                        "image_large_url": media_url(task, track, "png") if live else "",
                        "duration": _seconds(track.duration) if done else None,
                        "created_at": _iso(task.wall),
                    }
                )
        body = {
            "code": self.ok,
            "task_id": task.id,
            "status": self.task_state(stage, task),
            "prompt": {"prompt": self.lyrics(task)},
            "clips": clips,
            "message": task.reason if stage == "failed" else "ok!",
        }
        return Answer(200, body, task_status=True)

    def set_unknown_status(self, body: Any, value: str) -> None:
        if isinstance(body, dict):
            body["status"] = value
            for clip in body.get("clips") or ():
                if isinstance(clip, dict):
                    clip["status"] = value


# ---------------------------------------------------------------------------- SunoAPI.com


class SunoapiComDialect(Dialect):
    """SunoAPI.com: HTTP status = `code`, clip states only, a signed webhook at the end."""

    clip_schema = "ClipState"
    model_field = "mv"

    def http_status(self, code: int | str, kind: str) -> int:
        return int(code)  # "code: the HTTP status code of the response"

    def model(self, task: MockTask) -> str:
        return _text(task.body.get("mv")) or "chirp-v4"

    def _clips(self, task: MockTask, stage: Stage) -> list[dict[str, Any]]:
        clips = []
        states = self.clip_states(stage, len(task.tracks))
        for track, state in zip(task.tracks, states, strict=True):
            done = self.clip_done(stage, track.index)
            clip: dict[str, Any] = {
                "clip_id": track.id,
                "state": state,
                "title": self.title(task),
                "tags": self.tags(task),
                "lyrics": self.lyrics(task) if stage != "queued" else None,
                "image_url": media_url(task, track, "png") if done else None,
                "audio_url": media_url(task, track, "wav") if done else None,
                "video_url": None,
                "created_at": _iso(task.wall),
                "gpt_description_prompt": _text(task.body.get("gpt_description_prompt")),
                "duration": _seconds(track.duration) if done else None,
                "negative_tags": None,
                "style_weight": None,
                "weirdness_constraint": None,
                "mv": self.model(task),
            }
            if stage == "failed":
                clip["error_message"] = task.reason
            clips.append(clip)
        return clips

    def submitted(self, task: MockTask) -> Answer:
        return Answer(200, {"code": self.ok, "data": {"task_id": task.id}, "message": "success"})

    def task_status(self, task: MockTask, stage: Stage) -> Answer:
        message = task.reason if stage == "failed" else "success"
        body = {"code": self.ok, "data": self._clips(task, stage), "message": message}
        return Answer(200, body, task_status=True)

    def credits(self, remaining: int | None) -> Answer:
        return Answer(
            200, {"credits": remaining if remaining is not None else 1_000_000, "extra_credits": 0}
        )

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        message = task.reason if stage == "failed" else "success"
        return {"code": self.ok, "data": self._clips(task, stage), "message": message}

    def set_unknown_status(self, body: Any, value: str) -> None:
        for clip in (body.get("data") if isinstance(body, dict) else None) or ():
            if isinstance(clip, dict):
                clip["state"] = value


# ---------------------------------------------------------------------------- relay


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
    ) -> Answer:
        gateway_status = _spec.status_for_kind(self.vendor, kind)
        if kind in self._GATEWAY_KINDS and gateway_status is not None:
            text = message or (
                "无效的令牌 (sunokit mock)" if kind == "authentication" else _FALLBACK_TEXT[kind]
            )
            body = {"error": {"message": text, "type": "new_api_error", "code": ""}}
            return Answer(status or gateway_status, body, kind=kind)
        return super().error(kind, message, status=status, refined=refined)

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
            "created_at": _iso(task.wall),
            "status": state,
            "title": self.title(task),
            "play_count": 0,
            "upvote_count": 0,
            "is_public": False,
            "metadata": {
                "tags": self.tags(task),
                "prompt": _text(task.body.get("prompt")),
                "gpt_description_prompt": _text(task.body.get("gpt_description_prompt")),
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


_DIALECTS: dict[str, type[Dialect]] = {
    "sunoapi_org": KieDialect,
    "apikley": KieDialect,
    "sunosay": SunosayDialect,
    "sunoapi_com": SunoapiComDialect,
    "relay": RelayDialect,
}


def dialect_for(vendor: str) -> Dialect:
    return _DIALECTS[vendor](vendor)
