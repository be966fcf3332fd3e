"""SunoSay: `{code, task_id, message}` answers, clip states, no callbacks; lyrics as a task of
their own (polled by the lyrics get-task); extensions refused for clips the mock never made."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._tasks import MockTask, Stage
from ._base import Answer, Dialect, Refusal, Renderer, Store, iso, media_url, seconds
from ._fixtures import documented_ids

__all__ = ["SunosayDialect"]


class SunosayDialect(Dialect):
    """SunoSay: `{code, task_id, message}` / `{code, task_id, status, prompt, clips}`, no callbacks."""

    state_schema = "TaskStatus"
    clip_schema = "ClipStatus"

    def __init__(self, vendor: str) -> None:
        super().__init__(vendor)
        self._lyrics = LyricsRenderer(self)

    def renderer(self, capability: str) -> Renderer | None:
        return self._lyrics if capability == self._lyrics.capability else None

    def refuse_submit(self, store: Store, operation_id: str, body: Any) -> Refusal | None:
        """An extension of a clip the service never made (extend-music, extend-Instrumental:
        `continue_clip_id` "can be viewed in the get music pages")."""
        clip = body.get("continue_clip_id") if isinstance(body, Mapping) else None
        known = documented_ids(self.vendor, operation_id, "continue_clip_id")
        if isinstance(clip, str) and clip not in known and store.find_track(clip) is None:
            return Refusal("not_found", f"continue_clip_id not found: {clip}")
        return None

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


class LyricsRenderer(Renderer):
    """Generate Lyrics: a task the lyrics get-task renders, `lyrics: {text, title}` once
    complete (one set of lyrics, as the Get Lyrics page shows), `message` the failure reason."""

    capability = "lyrics.generate"

    def status(self, task: MockTask, stage: Stage) -> Answer:
        theme = task.body.get("prompt")
        theme = theme if isinstance(theme, str) and theme.strip() else None
        words = (theme or "a random song").split()
        done = stage == "complete"
        body = {
            "code": self.dialect.ok,
            "task_id": task.id,
            "status": self.state(task, stage, "LyricsTaskStatus"),
            "prompt": {"prompt": theme} if theme else {},
            "lyrics": {
                "text": f"[Verse]\n{theme or 'Walking through the dark tonight'}\n"
                "[Chorus]\nSing it again, sing it tonight",
                "title": " ".join(words[:4]).title(),
            }
            if done
            else None,
            "message": task.reason if stage == "failed" else "ok!",
        }
        return Answer(200, body, task_status=True)

    def set_unknown_status(self, body: Any, value: str) -> None:
        if isinstance(body, dict):
            body["status"] = value
