"""SunoAPI.com: HTTP status = `code`, clip states only, a signed webhook at the end."""

from __future__ import annotations

from typing import Any

from .._tasks import MockTask, Stage
from ._base import Answer, Dialect, iso, media_url, seconds, text

__all__ = ["SunoapiComDialect"]


class SunoapiComDialect(Dialect):
    """SunoAPI.com: HTTP status = `code`, clip states only, a signed webhook at the end."""

    clip_schema = "ClipState"
    model_field = "mv"

    def http_status(self, code: int | str, kind: str) -> int:
        return int(code)  # "code: the HTTP status code of the response"

    def model(self, task: MockTask) -> str:
        return text(task.body.get("mv")) or "chirp-v4"

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
