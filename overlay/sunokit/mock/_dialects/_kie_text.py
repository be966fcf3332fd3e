"""Kie-family capabilities whose results are text: lyrics (a polled task with two variants),
timestamped lyrics (aligned words of a track's lyrics), boost style and persona (answered at
once, billed)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ... import _specs
from .. import _spec
from .._tasks import MockTask, Stage
from ._base import Answer, Refusal, Store
from ._kie_common import KieRenderer, millis, param, source_of

__all__ = [
    "BoostStyleRenderer",
    "CreditsRenderer",
    "LyricsRenderer",
    "PersonaRenderer",
    "TimestampedLyricsRenderer",
]


def _words(text: str) -> list[str]:
    return [word for word in text.replace("\n", " ").split(" ") if word]


class LyricsRenderer(KieRenderer):
    """Lyrics: PENDING until done, then two variations, each `{text, title, status,
    errorMessage}`; one callback (stage complete, or error)."""

    capability = "lyrics.generate"

    def _items(self, task: MockTask) -> list[dict[str, Any]]:
        theme = str(task.body.get("prompt") or "a song")
        title = " ".join(_words(theme)[:4]).title() or "Untitled"
        return [
            {
                "text": f"[Verse]\n{theme}\n[Chorus]\nSing it again, variation {n}",
                "title": title,
                "status": "complete",
                "errorMessage": "",
            }
            for n in (1, 2)
        ]

    def status(self, task: MockTask, stage: Stage) -> Answer:
        failed = stage == "failed"
        record = {
            "taskId": task.id,
            "param": param(task),
            "response": {"taskId": task.id, "data": self._items(task)}
            if stage == "complete"
            else None,
            "status": self.task_state(task, stage),
            "type": "LYRICS",
            "errorCode": self.failure_code(task, self.callback_codes(task)) if failed else None,
            "errorMessage": task.reason if failed else None,
        }
        return self.status_answer(record)

    def _callback_type(self, task: MockTask, neutral: str) -> str:
        callback = _spec.callback_spec_for(self.vendor, task.operation)
        assert callback is not None
        schema = _spec.schema_name_at(self.vendor, callback.schema_name, ("data", "callbackType"))
        assert schema is not None
        return _spec.state_for(self.vendor, schema, (neutral,))

    def _callback_key(self, task: MockTask, path: tuple[str, ...], key: str) -> str:
        """`key` as the callback schema at `path` spells it (Apikley's is snake_case)."""
        callback = _spec.callback_spec_for(self.vendor, task.operation)
        assert callback is not None
        name = _spec.schema_name_at(self.vendor, callback.schema_name, path)
        if name is None:  # a list: its items' schema
            parent = _spec.schema_name_at(self.vendor, callback.schema_name, path[:-1])
            node = _specs.resolve(self.vendor, {"$ref": f"#/components/schemas/{parent}"})
            branches = node["properties"][path[-1]].get("anyOf") or [node["properties"][path[-1]]]
            items = next(b["items"] for b in branches if "items" in b)
            name = str(items["$ref"]).rsplit("/", 1)[-1]
        schema = _specs.resolve(self.vendor, {"$ref": f"#/components/schemas/{name}"})
        fields = schema.get("properties") or {}
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in key)
        return snake if snake in fields and key not in fields else key

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        if stage == "failed":
            return {
                "code": self.callback_failure(task),
                "msg": task.reason,
                "data": {
                    "callbackType": self._callback_type(task, "failed"),
                    self._callback_key(task, ("data",), "taskId"): task.id,
                    "data": None,
                },
            }
        return {
            "code": self.callback_ok(task),
            "msg": _spec.callback_example_message(self.vendor, task.operation) or "success",
            "data": {
                "callbackType": self._callback_type(task, "succeeded"),
                self._callback_key(task, ("data",), "taskId"): task.id,
                "data": [
                    {self._callback_key(task, ("data", "data"), k): v for k, v in item.items()}
                    for item in self._items(task)
                ],
            },
        }


class TimestampedLyricsRenderer(KieRenderer):
    """Aligned words of a track's lyrics (its task's prompt), spread over its duration."""

    capability = "lyrics.timestamped"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        found = self.track_refusal(store, body)
        if isinstance(found, Refusal):
            return self.error(operation_id, found.kind, found.message)
        music, track = found
        words = _words(str(music.body.get("prompt") or "la la la")) or ["la"]
        step = track.duration / len(words)
        aligned = [
            {
                "word": word,
                "success": True,
                "startS": round(index * step, 2),
                "endS": round((index + 1) * step, 2),
                "palign": 0,
            }
            for index, word in enumerate(words)
        ]
        return self.ok(
            {
                "alignedWords": aligned,
                "waveformData": [0, 1, 0.5, 0.75],
                "hootCer": 0.0,
                "isStreamed": False,
            }
        )


class BoostStyleRenderer(KieRenderer):
    """A richer style text for a short one, at once; billed like the docs' example shows."""

    capability = "style.boost"

    def answer(self, store: Store, task: MockTask) -> Answer:
        content = str(task.body.get("content") or "")
        failed = task.failure is not None
        data = {
            "taskId": task.id,
            "param": param(task),
            "result": "" if failed else f"{content}, warm analog synths, airy vocals, slow build",
            "creditsConsumed": 0 if failed else task.data.get("cost", 1),
            "creditsRemaining": store.credits,
            "successFlag": "2" if failed else "1",
            "errorCode": 500 if failed else None,
            "errorMessage": task.reason if failed else None,
            "createTime": millis(task.wall),
        }
        return self.ok(data)


class PersonaRenderer(KieRenderer):
    """A persona from one track (`taskId` + `audioId`), one per track: its id at once."""

    capability = "persona.create"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        refused = self.refuse_track(store, operation_id, body)
        if refused is not None:
            return refused
        return self.conflict(
            store, operation_id, (self.capability, str(body["audioId"])), "Persona"
        )

    def prepare(self, store: Store, task: MockTask) -> None:
        self.attach_track(store, task)
        _music, track = source_of(task)
        store.set_claim((self.capability, track.id), task.id)

    def answer(self, store: Store, task: MockTask) -> Answer:
        return self.ok(
            {
                "personaId": uuid.uuid5(uuid.NAMESPACE_OID, task.id).hex,
                "name": task.body.get("name"),
                "description": task.body.get("description"),
            }
        )


class CreditsRenderer(KieRenderer):
    """The remaining credits: `data` is the mock's balance (null when unlimited)."""

    capability = "account.credits"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        return self.ok(store.credits)
