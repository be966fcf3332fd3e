"""SunoAPI.org and Apikley (the kie.ai family): `{code, msg, data}` on HTTP 200."""

from __future__ import annotations

import json
import uuid
from typing import Any

from ... import _specs
from .. import _spec
from .._tasks import STAGE_STATES, MockTask, MockTrack, Stage
from ._base import Answer, Dialect, Renderer, media_url, plain_time, text
from ._kie_media import (
    CoverImageRenderer,
    MidiRenderer,
    RecoveryRenderer,
    StemsRenderer,
    VideoRenderer,
    WavRenderer,
)
from ._kie_text import (
    BoostStyleRenderer,
    CreditsRenderer,
    LyricsRenderer,
    PersonaRenderer,
    TimestampedLyricsRenderer,
)
from ._kie_uploads import UploadRenderer
from ._kie_voice import VoiceCheckRenderer, VoiceRenderer, VoiceValidationRenderer

# capability (x-sunokit-operation) -> its renderer; music-family creates polled by record-info
# (upload-cover, add-vocals, mashup, ...) are music tasks and need none.
_RENDERERS: dict[str, type[Renderer]] = {
    "account.credits": CreditsRenderer,
    "lyrics.generate": LyricsRenderer,
    "lyrics.timestamped": TimestampedLyricsRenderer,
    "style.boost": BoostStyleRenderer,
    "persona.create": PersonaRenderer,
    "audio.wav": WavRenderer,
    "audio.stems": StemsRenderer,
    "audio.midi": MidiRenderer,
    "audio.recovery": RecoveryRenderer,
    "video.create": VideoRenderer,
    "image.cover": CoverImageRenderer,
    "voice.validate": VoiceValidationRenderer,
    "voice.regenerate": VoiceValidationRenderer,
    "voice.create": VoiceRenderer,
    "voice.check": VoiceCheckRenderer,
    "upload.base64": UploadRenderer,
    "upload.stream": UploadRenderer,
    "upload.url": UploadRenderer,
}

__all__ = ["KieDialect"]


class KieDialect(Dialect):
    """SunoAPI.org and Apikley: `{code, msg, data}` on HTTP 200, staged callbacks."""

    message_key = "msg"
    state_schema = "TaskStatus"
    staged_callbacks = True
    tags_field = "style"

    def __init__(self, vendor: str) -> None:
        super().__init__(vendor)
        self._renderers = {name: made(self) for name, made in _RENDERERS.items()}

    def renderer(self, capability: str) -> Renderer | None:
        return self._renderers.get(capability)

    def new_task_id(self, seed: uuid.UUID) -> str:
        return seed.hex

    def envelope(self, code: int | str, message: str) -> dict[str, Any]:
        return {"code": code, "msg": message, "data": None}

    def lyrics(self, task: MockTask) -> str | None:
        return text(task.body.get("prompt"))

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
            "createTime": plain_time(task.wall),
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
        kind = task.capability.removeprefix("music.") if task.capability else task.role
        extend = kind == "extend"
        failed = stage == "failed"
        record = {
            "taskId": task.id,
            "parentMusicId": str(task.body.get("audioId") or "") if extend else "",
            "param": json.dumps(task.body, ensure_ascii=False, separators=(",", ":")),
            "response": None
            if stage in ("queued", "failed")
            else {"taskId": task.id, "sunoData": self._tracks(task, stage, snake=False)},
            "status": self.task_state(stage, task),
            "type": kind.upper(),
            "operationType": kind,
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
