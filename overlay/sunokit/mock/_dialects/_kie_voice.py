"""Suno Voice (kie family): a validation task gives the phrase to record (regenerated on
request), a voice task turns the recording into a voice id, check-voice says whether a voice
task's voice can be used."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ... import _specs
from .._tasks import MockTask, Stage
from ._base import Answer, Refusal, Store
from ._kie_common import KieRenderer

__all__ = ["VoiceCheckRenderer", "VoiceRenderer", "VoiceValidationRenderer"]

_PHRASES = (
    "The quick brown fox sings over the lazy dog.",
    "Bright stars hum a quiet melody tonight.",
)


class VoiceValidationRenderer(KieRenderer):
    """validate / regenerate: wait_processing -> processing_validate -> the phrase."""

    capability = "voice.validate"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        if "taskId" not in body:  # validate: a new voice sample
            return None
        earlier = store.find_task(str(body["taskId"]))
        if earlier is None or earlier.capability not in ("voice.validate", "voice.regenerate"):
            return Refusal("not_found", f"taskId not found: {body['taskId']}")
        return None

    def cost(self, operation_id: str, body: Mapping[str, Any]) -> int:
        return 0 if "taskId" in body else super().cost(operation_id, body)

    def prepare(self, store: Store, task: MockTask) -> None:
        earlier = store.find_task(str(task.body.get("taskId"))) if "taskId" in task.body else None
        rounds = (earlier.data.get("round", 0) + 1) if earlier is not None else 0
        task.data["round"] = rounds
        task.data["phrase"] = _PHRASES[rounds % len(_PHRASES)]

    def _record(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        failed = stage == "failed"
        return {
            "taskId": task.id,
            "validateInfo": task.data["phrase"] if stage == "complete" else "",
            "status": self.task_state(task, stage),
            "errorCode": 500 if failed else (0 if stage == "complete" else None),
            "errorMessage": task.reason if failed else ("" if stage == "complete" else None),
        }

    def status(self, task: MockTask, stage: Stage) -> Answer:
        return self.status_answer(self._record(task, stage))

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        ok = stage == "complete"
        return {
            "code": self.callback_ok(task) if ok else self.callback_failure(task),
            "msg": "success" if ok else task.reason,
            "data": self._record(task, stage),
        }


class VoiceRenderer(KieRenderer):
    """generate: a voice from a finished validation task and the recording of its phrase."""

    capability = "voice.create"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        earlier = store.find_task(str(body.get("taskId")))
        if earlier is None or earlier.capability not in ("voice.validate", "voice.regenerate"):
            return Refusal("not_found", f"taskId not found: {body.get('taskId')}")
        return None

    def _done(self, task: MockTask) -> str:
        # The status table lists the validation step's success (the phrase is ready) before
        # the voice's own; a voice task ends in the last succeeded value.
        table = _specs.task_states(self.vendor, self.state_schema(task))
        return [value for value, state in table.items() if state == "succeeded"][-1]

    def _record(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        failed = stage == "failed"
        done = stage == "complete"
        return {
            "taskId": task.id,
            "voiceId": f"voice_{uuid.uuid5(uuid.NAMESPACE_OID, task.id).hex[:12]}" if done else "",
            "status": self.task_state(task, stage, done=self._done(task)),
            "errorCode": 500 if failed else (0 if done else None),
            "errorMessage": task.reason if failed else ("" if done else None),
        }

    def status(self, task: MockTask, stage: Stage) -> Answer:
        return self.status_answer(self._record(task, stage))

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        ok = stage == "complete"
        return {
            "code": self.callback_ok(task) if ok else self.callback_failure(task),
            "msg": "success" if ok else task.reason,
            "data": self._record(task, stage),
        }


class VoiceCheckRenderer(KieRenderer):
    """check-voice: is the voice of a voice task usable (the task finished)."""

    capability = "voice.check"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        task = store.find_task(str(body.get("task_id")))
        if task is None or task.capability != "voice.create":
            return self.error(
                operation_id, "not_found", f"task_id not found: {body.get('task_id')}"
            )
        return self.ok({"isAvailable": store.stage(task) == "complete"})
