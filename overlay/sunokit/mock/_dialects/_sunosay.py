"""SunoSay: `{code, task_id, message}` answers, clip states, no callbacks."""

from __future__ import annotations

from typing import Any

from .._tasks import MockTask, Stage
from ._base import Answer, Dialect, iso, media_url, seconds

__all__ = ["SunosayDialect"]


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
                        "duration": seconds(track.duration) if done else None,
                        "created_at": iso(task.wall),
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
