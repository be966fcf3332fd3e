"""What the kie family's capability renderers share: the `{code, msg, data}` envelope, the
poll's state enum, the callback's code table, and the refusal of unknown task and track ids."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ... import _operations, _specs
from .. import _spec
from .._tasks import MockTask, MockTrack, Stage
from ._base import Answer, Refusal, Renderer, Store

__all__ = ["KieRenderer", "millis", "param", "source_of"]


def millis(wall: float) -> int:
    return int(wall * 1000)


def param(task: MockTask) -> str:
    """The original request as the JSON string records carry in `param`."""
    return json.dumps(task.body, ensure_ascii=False, separators=(",", ":"))


def source_of(task: MockTask) -> tuple[MockTask, MockTrack]:
    assert task.source is not None
    assert task.source_track is not None
    return task.source, task.source_track


class KieRenderer(Renderer):
    """A kie-family capability: answers in `{code, msg, data}` on HTTP 200."""

    def ok(self, data: Any, msg: str = "success") -> Answer:
        return Answer(200, {"code": self.dialect.ok, "msg": msg, "data": data})

    def error(self, operation_id: str, kind: str, message: str) -> Answer:
        """An error answer with the code the operation's own table gives `kind`."""
        codes = _operations.spec_operation(self.vendor, operation_id).code_schema
        return self.dialect.error(kind, message, schema=codes)

    def status_answer(self, data: Any) -> Answer:
        answer = self.ok(data)
        answer.task_status = True
        return answer

    def poll_operation(self, task: MockTask) -> _operations.SpecOperation:
        assert task.poll is not None
        return _operations.spec_operation(self.vendor, task.poll)

    def state_schema(self, task: MockTask) -> str:
        schema = self.poll_operation(task).state_schema
        assert schema is not None, f"{task.poll}: no x-sunokit-state enum"
        return schema

    def task_state(self, task: MockTask, stage: Stage, *, done: str | None = None) -> Any:
        return self.state(task, stage, self.state_schema(task), done=done)

    def callback_codes(self, task: MockTask) -> str:
        """The code table of the task's callback body (its `code` schema)."""
        callback = _spec.callback_spec_for(self.vendor, task.operation)
        if callback is None:
            return _spec.CODE_SCHEMA
        return _spec.schema_name_at(self.vendor, callback.schema_name, ("code",)) or (
            _spec.CODE_SCHEMA
        )

    def callback_ok(self, task: MockTask) -> int | str:
        return _specs.success_codes(self.vendor, self.callback_codes(task))[0]

    def callback_failure(self, task: MockTask) -> int | str:
        return self.failure_code(task, self.callback_codes(task))

    def set_unknown_status(self, body: Any, value: str) -> None:
        data = body.get("data") if isinstance(body, dict) else None
        if isinstance(data, dict):
            for key in ("status", "successFlag"):
                if key in data:
                    data[key] = value

    # ------------------------------------------------------------------ acting on a track

    def music_task(self, store: Store, task_id: object) -> MockTask | Refusal:
        task = store.find_task(task_id) if isinstance(task_id, str) else None
        if task is None or not task.tracks:
            return Refusal("not_found", f"taskId not found: {task_id}")
        return task

    def track_refusal(
        self, store: Store, body: Mapping[str, Any], task_field: str = "taskId"
    ) -> Refusal | tuple[MockTask, MockTrack]:
        """The music task and track a body names (`taskId` + `audioId`), or the refusal."""
        task = self.music_task(store, body.get(task_field))
        if isinstance(task, Refusal):
            return task
        audio_id = body.get("audioId")
        for track in task.tracks:
            if track.id == audio_id:
                return task, track
        return Refusal("not_found", f"audioId {audio_id} is not a track of task {task.id}")

    def refuse_track(
        self, store: Store, operation_id: str, body: Mapping[str, Any]
    ) -> Refusal | None:
        found = self.track_refusal(store, body)
        return found if isinstance(found, Refusal) else None

    def attach_track(self, store: Store, task: MockTask) -> None:
        found = self.track_refusal(store, task.body)
        assert not isinstance(found, Refusal)
        task.source, task.source_track = found

    def conflict(
        self, store: Store, operation_id: str, key: tuple[str, ...], what: str
    ) -> Refusal | None:
        """A second result for the same source where the operation's code table documents a
        conflict code (WAV, MP4, persona: "... already exists")."""
        codes = _operations.spec_operation(self.vendor, operation_id).code_schema
        if _spec.code_for(self.vendor, "conflict", codes) is None:
            return None
        if store.claim(key) is None:
            return None
        code = _spec.code_for(self.vendor, "conflict", codes)
        message = _spec.operation_message(self.vendor, operation_id, code or 409)
        return Refusal("conflict", message or f"{what} already exists")
