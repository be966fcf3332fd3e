"""new-api-style gateways: `/suno/submit/music` and `/suno/fetch`, string codes."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any, ClassVar

from .._errors import APIStatusError
from .._models import Task
from .._requests import CustomLyrics, Description, Extend, Inspiration, Instrumental, MusicRequest
from ._base import Adapter, Call, RawResponse, envelope_error, failure, neutral_state, track_from


def _metadata(key: str) -> Any:
    def get(clip: Mapping[str, Any]) -> Any:
        metadata = clip.get("metadata")
        return metadata.get(key) if isinstance(metadata, Mapping) else None

    return get


_TRACK_KEYS = {
    "id": "id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "audio_url",
    "image_url": "image_url",
    "duration": _metadata("duration"),
    "tags": _metadata("tags"),
    "lyrics": _metadata("prompt"),
    "model": "model_name",
    "created_at": "created_at",
}


class RelayAdapter(Adapter):
    vendor = "relay"
    env_var = "SUNO_RELAY_API_KEY"
    modes: ClassVar[frozenset[str]] = frozenset(
        {"description", "custom", "instrumental", "extend", "inspiration"}
    )
    tuning_fields: ClassVar[frozenset[str]] = frozenset({"negative_tags"})
    default_model = "chirp-v4"
    model_field = "mv"

    def __init__(self) -> None:
        self.package: ModuleType = importlib.import_module("relay_client")
        self._models = importlib.import_module("relay_client.models")

    def _endpoint(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package.__name__}.api.music.{name}")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        body: dict[str, Any] = {"mv": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            body["notify_hook"] = url
        if request.tuning.negative_tags:
            body["negative_tags"] = request.tuning.negative_tags
        if isinstance(request, (Description, Inspiration)):
            text = request.prompt if isinstance(request, Description) else request.description
            body.update(gpt_description_prompt=text, make_instrumental=request.instrumental)
        elif isinstance(request, CustomLyrics):
            body.update(
                prompt=request.lyrics,
                tags=request.style,
                title=request.title,
                make_instrumental=False,
            )
        elif isinstance(request, Instrumental):
            body.update(prompt="", tags=request.style, title=request.title, make_instrumental=True)
        elif isinstance(request, Extend):
            body.update(
                prompt=request.lyrics or "",
                continue_clip_id=request.clip_id,
                continue_at=request.at,
                task="extend",
                make_instrumental=request.instrumental,
            )
            optional = {"task_id": request.task_id, "tags": request.style, "title": request.title}
            body.update({key: value for key, value in optional.items() if value is not None})
        return "submit", body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        model = self._models.SubmitMusicRequest.from_dict(body)
        return Call(self._endpoint("submit_music"), {"body": model}, role, model.to_dict())

    def map_error(self, response: RawResponse) -> APIStatusError | None:
        return envelope_error(
            self.vendor,
            response,
            code_schema="ResponseCode",
            message_key="message",
            success="success",
        )

    def task_id_from_submit(self, response: RawResponse) -> str:
        self.raise_for_error(response)
        return str(response.json()["data"])

    def status_call(self, task_id: str) -> Call:
        return Call(self._endpoint("get_task"), {"id": task_id}, "status")

    def task_from_status(self, task_id: str, response: RawResponse) -> Task:
        self.raise_for_error(response)
        task = self.task_from_dict(response.json(), source="task")
        return Task(
            vendor=task.vendor,
            task_id=task.task_id or task_id,
            state=task.state,
            vendor_state=task.vendor_state,
            error=task.error,
            tracks=task.tracks,
            raw=response.parsed,
        )

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        data = body.get("data")
        if source == "submit":
            return Task(vendor=self.vendor, task_id=str(data), state="queued", raw=body)
        record: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        status = record.get("status")
        state = neutral_state(self.vendor, "TaskStatus", status)
        clips = record.get("data")
        tracks = tuple(
            track_from(clip, keys=_TRACK_KEYS)
            for clip in (clips if isinstance(clips, list) else ())
            if isinstance(clip, Mapping)
        )
        return Task(
            vendor=self.vendor,
            task_id=str(record.get("task_id") or ""),
            state=state,
            vendor_state=status if isinstance(status, str) else None,
            error=failure(None, record.get("fail_reason") or status) if state == "failed" else None,
            tracks=tracks,
            raw=body,
        )
