"""SunoAPI.org and Apikley: the same API family (`{code, msg, data}` envelopes, callbacks).

Their differences (models, limits, code meanings) all live in their specs.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any, ClassVar

from .. import _specs
from .._bindings import Binding, Context, dig
from .._errors import APIStatusError, ClientValidationError, UnsupportedRequestError
from .._models import Credits, Lyrics, LyricsVariant, Task
from .._requests import (
    CustomLyrics,
    Description,
    Extend,
    GenerateLyrics,
    GetCredits,
    Instrumental,
    MusicRequest,
    Tuning,
)
from .._validation import Violation
from ._base import (
    Adapter,
    AnswerShapeError,
    Call,
    RawResponse,
    envelope_error,
    failure,
    id_at,
    json_type,
    neutral_state,
    object_at,
    objects_at,
    submitted_task_id,
    text_or_none,
    track_from,
)

_TRACK_KEYS = {
    "id": "id",
    "title": "title",
    "audio_url": "audioUrl",
    "stream_url": "streamAudioUrl",
    "image_url": "imageUrl",
    "duration": "duration",
    "tags": "tags",
    "lyrics": "prompt",
    "model": "modelName",
    "created_at": "createTime",
}


# Vendors whose extend can make an instrumental continuation (make_instrumental, the
# extend-Instrumental endpoint).
_INSTRUMENTAL_EXTEND = ("relay", "sunoapi_com", "sunosay")


def _tuning_fields(tuning: Tuning) -> dict[str, Any]:
    wire = {
        "negativeTags": tuning.negative_tags,
        "vocalGender": tuning.vocal_gender,
        "styleWeight": tuning.style_weight,
        "weirdnessConstraint": tuning.weirdness,
        "audioWeight": tuning.audio_weight,
        "personaId": tuning.persona_id,
    }
    return {key: value for key, value in wire.items() if value is not None}


class KieAdapter(Adapter):
    modes: ClassVar[frozenset[str]] = frozenset({"description", "custom", "instrumental", "extend"})
    tuning_fields: ClassVar[frozenset[str]] = frozenset(
        {"negative_tags", "vocal_gender", "style_weight", "weirdness", "audio_weight", "persona_id"}
    )
    default_model = "V4_5"
    submit_id_path = ("data", "taskId")

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.env_var = f"{vendor.upper()}_API_KEY"  # type: ignore[misc]
        self.package = importlib.import_module(f"{vendor}_client")
        self._models = importlib.import_module(f"{vendor}_client.models")

    def _endpoint(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package.__name__}.api.music.{name}")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        common: dict[str, Any] = {"model": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            common["callBackUrl"] = url
        extras = _tuning_fields(request.tuning)
        if isinstance(request, Description):
            body = {
                "customMode": False,
                "instrumental": request.instrumental,
                "prompt": request.prompt,
            }
        elif isinstance(request, CustomLyrics):
            body = {
                "customMode": True,
                "instrumental": False,
                "prompt": request.lyrics,
                "style": request.style,
                "title": request.title,
            }
        elif isinstance(request, Instrumental):
            body = {
                "customMode": True,
                "instrumental": True,
                "style": request.style,
                "title": request.title,
            }
        elif isinstance(request, Extend):
            return "extend", {**self._extend_body(request), **common, **extras}
        else:
            raise UnsupportedRequestError(f"{self.vendor} has no {request.mode} mode")
        return "submit", {**body, **common, **extras}

    def _extend_body(self, request: Extend) -> dict[str, Any]:
        """The Extend Music fields: custom parameters (defaultParamFlag true: prompt, style, title
        and continueAt) or the source clip's own (false: only audioId). What the request cannot
        say in either form is refused, never dropped."""
        if request.model is None:
            raise ClientValidationError(
                self.vendor,
                [
                    Violation(
                        "model",
                        "model-matches-source",
                        f"model is required to extend a clip on {self.vendor}: it must be the "
                        "model the source clip was made with (the vendor's rule), and sunokit "
                        f"does not guess it; one of: {', '.join(self.known_models() or ())}",
                        "required",
                    )
                ],
            )
        if request.instrumental:
            raise UnsupportedRequestError(
                f"{self.vendor}'s Extend Music has no instrumental option (an extension keeps "
                "the source clip's kind); leave instrumental=False. Vendors that extend as an "
                "instrumental: " + ", ".join(_INSTRUMENTAL_EXTEND)
            )
        own = {"prompt": request.lyrics, "style": request.style, "title": request.title}
        given = {key: value for key, value in own.items() if value is not None}
        body: dict[str, Any] = {"audioId": request.clip_id, "defaultParamFlag": bool(given)}
        if given:
            # Missing custom fields are reported by validate (rule custom-extend-requires-fields).
            body.update(given)
            if request.at is not None:
                body["continueAt"] = request.at
        elif request.at is not None:
            raise ClientValidationError(
                self.vendor,
                [
                    Violation(
                        "at",
                        "custom-extend-requires-fields",
                        f"{self.vendor} continues at a chosen second (continueAt) only with "
                        "custom parameters, which need lyrics, style and title too: pass "
                        "lyrics=, style= and title=, or at=None to continue with the source "
                        "clip's own parameters (defaultParamFlag false)",
                        "required",
                    )
                ],
            )
        return body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        if role == "extend":
            model = self._models.ExtendMusicRequest.from_dict(body)
            return Call(self._endpoint("extend_music"), {"body": model}, role, model.to_dict())
        model = self._models.SubmitMusicRequest.from_dict(body)
        return Call(self._endpoint("submit_music"), {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        return envelope_error(
            self.vendor, response, code_schema=code_schema, message_key="msg", success=200
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(self._endpoint("get_task"), {"task_id": task_id}, "status")

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        data = body.get("data")
        if source == "submit":
            task_id = submitted_task_id(self.vendor, body, self.submit_id_path)
            return Task(vendor=self.vendor, task_id=task_id, state="queued", raw=body)
        record = object_at(data, "data")
        status = record.get("status")
        state = neutral_state(self.vendor, "TaskStatus", status)
        result = object_at(record.get("response"), "data.response")
        items = objects_at(result.get("sunoData"), "data.response.sunoData")
        tracks = tuple(track_from(item, keys=_TRACK_KEYS) for item in items)
        error = None
        if state == "failed" or record.get("errorMessage"):
            kinds = _specs.failure_kinds(self.vendor, "TaskStatus")
            error = failure(
                record.get("errorCode"),
                record.get("errorMessage") or status,
                kinds.get(status) if isinstance(status, str) else None,
            )
        return Task(
            vendor=self.vendor,
            task_id=id_at(record.get("taskId"), "data.taskId"),
            state=state,
            vendor_state=status if isinstance(status, str) else None,
            error=error if state == "failed" else None,
            tracks=tracks,
            raw=body,
        )


# --------------------------------------------------------------------- bindings beyond music


def _lyrics_body(request: GenerateLyrics, context: Context) -> dict[str, Any]:
    return {"prompt": request.prompt, "callBackUrl": request.callback_url or context.callback_url}


def _lyrics(body: Any) -> Lyrics:
    items = objects_at(dig(body, ("data", "response", "data")), "data.response.data")
    variants = []
    for item in items:
        text = item.get("text")
        error = item.get("errorMessage")
        variants.append(
            LyricsVariant(
                text=text if isinstance(text, str) else "",
                title=text_or_none(item.get("title")),
                error=error if isinstance(error, str) and error else None,
            )
        )
    return Lyrics(tuple(variants))


def _credits(body: Any) -> Credits:
    value = body.get("data") if isinstance(body, Mapping) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(f"data is {json_type(value)}; the spec says a number")
    return Credits(remaining=float(value))


BINDINGS: tuple[Binding, ...] = (
    Binding(GenerateLyrics, "generate_lyrics", _lyrics_body, _lyrics),
    Binding(GetCredits, "get_credits", None, _credits),
)
