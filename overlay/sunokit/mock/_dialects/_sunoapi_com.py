"""SunoAPI.com: HTTP status = `code`, clip states only, a signed webhook at the end.

One create path for every `task_type` (concat: 1 clip, others 2), stems basic/full (2 / 12
stem clips, each a WAV), and the operations of `_sunoapi_com_tools`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._tasks import MockTask, Stage
from ._base import Answer, Dialect, Refusal, Renderer, Store, iso, media_url, seconds, text
from ._fixtures import documented_ids
from ._sunoapi_com_tools import RENDERERS, clip_refusal, documented_cost

__all__ = ["SunoapiComDialect"]


#: Stem names (the clip titles) of stems basic and full; the full list (12 tracks) follows the
#: third-party list of Suno's stems (backing vocals, drums, bass, ...).
STEMS = {
    "stems_basic": ("Vocals", "Instrumental"),
    "stems_full": (
        "Vocals",
        "Backing Vocals",
        "Drums",
        "Bass",
        "Guitar",
        "Keyboard",
        "Percussion",
        "Strings",
        "Synth",
        "FX",
        "Brass",
        "Woodwinds",
    ),
}


#: task_types acting on continue_clip_id, and whether that clip must be an upload.
_ON_CLIP = {
    "extend_music": False,
    "concat_music": False,
    "cover_music": False,
    "extend_upload_music": True,
    "cover_upload_music": True,
}


class SunoapiComDialect(Dialect):
    """SunoAPI.com: HTTP status = `code`, clip states only, a signed webhook at the end."""

    clip_schema = "ClipState"
    model_field = "mv"

    def __init__(self, vendor: str) -> None:
        super().__init__(vendor)
        self._renderers = {cls.capability: cls(self) for cls in RENDERERS}

    def renderer(self, capability: str) -> Renderer | None:
        return self._renderers.get(capability)

    def track_durations(
        self, operation_id: str, body: Any, durations: Sequence[float]
    ) -> Sequence[float]:
        """How many clips a task makes: stems one per stem, concat one, the rest two."""
        count = len(STEMS.get(operation_id, ())) or (
            1 if isinstance(body, dict) and body.get("task_type") == "concat_music" else 0
        )
        if not count:
            return durations
        return [durations[index % len(durations)] for index in range(count)]

    def refuse_submit(self, store: Store, operation_id: str, body: Any) -> Refusal | None:
        """A clip to act on must exist (400 "clip not found", read as not_found): one the mock
        made, or for the upload task types one it accepted by upload; the sample clips of the
        documented examples are known as if it had made them."""
        if not isinstance(body, dict):
            return None
        if operation_id in STEMS:
            known = documented_ids(self.vendor, operation_id, "clip_id")
            return clip_refusal(store, body.get("clip_id"), known=known)
        task_type = body.get("task_type")
        if task_type in _ON_CLIP:
            known = documented_ids(self.vendor, operation_id, "continue_clip_id")
            clip = body.get("continue_clip_id")
            return clip_refusal(store, clip, uploaded=_ON_CLIP[task_type], known=known)
        return None

    def create_cost(self, operation_id: str, body: Any) -> int:
        """Credits a music-family create costs: what its spec documents (x-sunokit-cost;
        submit_music: 10 per call, whatever the task_type), else the mock's default of 1
        (stems: no price is documented)."""
        stated = documented_cost(self.vendor, operation_id)
        return 1 if stated is None else stated

    def title(self, task: MockTask) -> str:
        if task.operation in STEMS:
            return "sunokit mock stems"
        return super().title(task)

    def http_status(self, code: int | str, kind: str) -> int:
        return int(code)  # "code: the HTTP status code of the response"

    def model(self, task: MockTask) -> str:
        return text(task.body.get("mv")) or "chirp-v4"

    def _clips(self, task: MockTask, stage: Stage) -> list[dict[str, Any]]:
        clips = []
        states = self.clip_states(stage, len(task.tracks))
        for track, state in zip(task.tracks, states, strict=True):
            done = self.clip_done(stage, track.index)
            stems = STEMS.get(task.operation or "")
            clip: dict[str, Any] = {
                "clip_id": track.id,
                "state": state,
                "title": stems[track.index] if stems else self.title(task),
                "tags": self.tags(task),
                "lyrics": self.lyrics(task) if stage != "queued" else None,
                "image_url": media_url(task, track, "png") if done else None,
                "audio_url": media_url(task, track, "wav") if done else None,
                "video_url": None,
                "created_at": iso(task.wall),
                "gpt_description_prompt": text(task.body.get("gpt_description_prompt")),
                "duration": seconds(track.duration) if done else None,
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
        """The current pages' `{message, task_id}` for the current contract (stems, or a body
        naming a task_type, as the concat page's); the first create page's `{code, data:
        {task_id}, message}` otherwise: both shapes are documented for this path."""
        if task.operation in STEMS or "task_type" in task.body:
            return Answer(200, {"message": "success", "task_id": task.id})
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
        """The get_task body, plus the `(task_id, platform)` the webhook guide says receivers
        de-duplicate on (fields the captured example does not show; the spec has them
        optional)."""
        message = task.reason if stage == "failed" else "success"
        clips = self._clips(task, stage)
        return {
            "code": self.ok,
            "data": clips,
            "message": message,
            "task_id": task.id,
            "platform": "suno",
        }

    def set_unknown_status(self, body: Any, value: str) -> None:
        for clip in (body.get("data") if isinstance(body, dict) else None) or ():
            if isinstance(clip, dict):
                clip["state"] = value
