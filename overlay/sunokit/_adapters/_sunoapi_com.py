"""SunoAPI.com: one create endpoint for every mode, clips without a task-level state."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import sunoapi_com_client
from sunoapi_com_client.api.music import get_task, submit_music
from sunoapi_com_client.models import SubmitMusicRequest

from .._bindings import Binding
from .._errors import APIStatusError, ClientValidationError
from .._models import Credits, Task, TaskState
from .._requests import (
    CustomLyrics,
    Description,
    Extend,
    GetCredits,
    Inspiration,
    Instrumental,
    MusicRequest,
)
from .._validation import Violation
from ._base import (
    Adapter,
    AnswerShapeError,
    Call,
    RawResponse,
    envelope_error,
    failure,
    json_type,
    neutral_state,
    objects_at,
    submitted_task_id,
    track_from,
)

_TRACK_KEYS = {
    "id": "clip_id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "audio_url",
    "image_url": "image_url",
    "duration": "duration",
    "tags": "tags",
    "lyrics": "lyrics",
    "model": "mv",
    "created_at": "created_at",
}

# How far along each neutral state is; the task is as far as its least advanced clip.
_PROGRESS: Mapping[TaskState, int] = {
    "unknown": 0,
    "queued": 1,
    "running": 2,
    "text_ready": 3,
    "first_ready": 4,
    "succeeded": 5,
}


def task_state_from_clips(states: list[TaskState]) -> TaskState:
    """The spec's client rule `task-state-from-clips` on TaskResponse."""
    if not states:
        return "queued"
    if "failed" in states:
        return "failed"
    return min(states, key=lambda state: _PROGRESS.get(state, 0))


class SunoapiComAdapter(Adapter):
    vendor = "sunoapi_com"
    env_var = "SUNOAPI_COM_API_KEY"
    modes: ClassVar[frozenset[str]] = frozenset(
        {"description", "custom", "instrumental", "extend", "inspiration"}
    )
    default_model = "chirp-v4"
    model_field = "mv"
    package = sunoapi_com_client
    submit_id_path = ("data", "task_id")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        body: dict[str, Any] = {"mv": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            body["webhook_url"] = url
        if isinstance(request, Description):
            body.update(
                custom_mode=False, prompt=request.prompt, make_instrumental=request.instrumental
            )
        elif isinstance(request, Inspiration):
            body.update(
                custom_mode=False,
                gpt_description_prompt=request.description,
                make_instrumental=request.instrumental,
            )
        elif isinstance(request, CustomLyrics):
            body.update(
                custom_mode=True, prompt=request.lyrics, tags=request.style, title=request.title
            )
        elif isinstance(request, Instrumental):
            body.update(
                custom_mode=True,
                prompt="",
                make_instrumental=True,
                tags=request.style,
                title=request.title,
            )
        elif isinstance(request, Extend):
            body.update(
                task_type="extend_music",
                custom_mode=True,
                prompt=request.lyrics or "",
                continue_clip_id=request.clip_id,
                make_instrumental=request.instrumental,
            )
            if request.at is None:
                # The extend page: continue_at is "required for extend_music"; the spec's
                # `default: 0` would otherwise continue from the very start.
                raise ClientValidationError(
                    self.vendor,
                    [
                        Violation(
                            "at",
                            "extend-needs-source-clip",
                            "at is required to extend a clip on sunoapi_com (continue_at, the "
                            "second of the source clip to continue from)",
                            "required",
                        )
                    ],
                )
            body["continue_at"] = request.at
            if request.style is not None:
                body["tags"] = request.style
            if request.title is not None:
                body["title"] = request.title
        return "submit", body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        model = SubmitMusicRequest.from_dict(body)
        return Call(submit_music, {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        return envelope_error(
            self.vendor, response, code_schema=code_schema, message_key="message", success=200
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(get_task, {"task_id": task_id}, "status")

    def task_from_dict(self, body: Mapping[str, Any], *, source: str, task_id: str = "") -> Task:
        data = body.get("data")
        if source == "submit":
            submitted = submitted_task_id(self.vendor, body, self.submit_id_path)
            return Task(vendor=self.vendor, task_id=submitted, state="queued", raw=body)
        clips = objects_at(data, "data")
        raw_states = [clip.get("state") for clip in clips]
        states = [neutral_state(self.vendor, "ClipState", value) for value in raw_states]
        state = task_state_from_clips(states)
        error = None
        if state == "failed":
            failed = next(clip for clip, s in zip(clips, states, strict=True) if s == "failed")
            error = failure(
                body.get("code"),
                failed.get("error_message") or body.get("message") or "clip failed",
            )
        vendor_state = next(
            (
                str(raw)
                for raw, s in zip(raw_states, states, strict=True)
                if s == state and raw is not None
            ),
            None,
        )
        return Task(
            vendor=self.vendor,
            task_id=task_id,
            state=state,
            vendor_state=vendor_state,
            error=error,
            tracks=tuple(track_from(clip, keys=_TRACK_KEYS) for clip in clips),
            raw=body,
        )


# --------------------------------------------------------------------- bindings beyond music


def _credits(body: Any) -> Credits:
    remaining = body.get("credits") if isinstance(body, Mapping) else None
    extra = body.get("extra_credits") if isinstance(body, Mapping) else None
    if isinstance(remaining, bool) or not isinstance(remaining, (int, float)):
        raise AnswerShapeError(f"credits is {json_type(remaining)}; the spec says a number")
    if isinstance(extra, bool) or not isinstance(extra, (int, float)):
        extra = None
    return Credits(remaining=float(remaining), extra=None if extra is None else float(extra))


BINDINGS: tuple[Binding, ...] = (Binding(GetCredits, "get_credits", None, _credits),)
