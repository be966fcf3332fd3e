"""SunoAPI.com beyond create/get: WAV, MIDI, persona and upload (answered at once) and the v1
lyrics task, each with the wire format its spec examples show and real result files.

A clip these operations act on must be one the mock made (a track of a task, stems included)
or, for the upload task types, one it accepted by upload; anything else is refused with 400
"clip not found", as the error table answers unknown task ids (the spec refines both to
not_found).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from ... import _specs
from .. import _media
from .._tasks import MockFile, MockTask, Stage
from ._base import Answer, Refusal, Renderer, Store
from ._fixtures import documented_ids

__all__ = ["RENDERERS", "clip_refusal", "documented_cost"]

#: The price an `x-sunokit-cost.credits` text states first ("10 per call (2 songs), ...").
_LEADING_CREDITS = re.compile(r"\s*(\d+)\b")


def documented_cost(vendor: str, operation_id: str) -> int | None:
    """The credits one call of `operation_id` costs by its spec's `x-sunokit-cost` (the number
    its `credits` text starts with: this vendor prices per call, whatever the body), or None
    where the spec documents no price."""
    for operation in _specs.operations(vendor):
        if operation.operation_id != operation_id:
            continue
        cost = operation.definition.get("x-sunokit-cost")
        text = cost.get("credits") if isinstance(cost, Mapping) else None
        match = _LEADING_CREDITS.match(text) if isinstance(text, str) else None
        return int(match.group(1)) if match else None
    return None


class _Priced(Renderer):
    """A create billed what its spec documents (x-sunokit-cost), else the mock's default."""

    def cost(self, operation_id: str, body: Mapping[str, Any]) -> int:
        stated = documented_cost(self.vendor, operation_id)
        return super().cost(operation_id, body) if stated is None else stated


_UPLOAD_CLAIM = "upload"


def clip_refusal(
    store: Store, clip_id: object, *, uploaded: bool = False, known: frozenset[str] = frozenset()
) -> Refusal | None:
    """Why `clip_id` cannot be acted on (unknown to the mock), else None. `known`: the sample
    clips of the operation's documented examples, known as if the mock had made them."""
    if not isinstance(clip_id, str) or not clip_id:
        return Refusal("invalid_request", "clip_id is required.")
    if clip_id in known:
        return None
    if uploaded:
        if store.claim((_UPLOAD_CLAIM, clip_id)) is None:
            return Refusal("not_found", f"uploaded clip not found: {clip_id}")
        return None
    if store.find_track(clip_id) is None:
        return Refusal("not_found", f"clip not found: {clip_id}")
    return None


class _ClipCall(Renderer):
    """An operation answered at once about one clip (`clip_id`)."""

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        clip_id = body.get("clip_id") if isinstance(body, Mapping) else None
        refusal = clip_refusal(
            store, clip_id, known=documented_ids(self.vendor, operation_id, "clip_id")
        )
        if refusal is not None:
            return self.dialect.error(refusal.kind, refusal.message)
        return self.answer_for(store, base_url, str(clip_id))

    def answer_for(self, store: Store, base_url: str, clip_id: str) -> Answer:
        raise NotImplementedError


class WavRenderer(_ClipCall):
    capability = "audio.wav"

    def answer_for(self, store: Store, base_url: str, clip_id: str) -> Answer:
        # The clip's own audio, served as a WAV file (wav page: {message, data: {wav_url}}).
        url = f"{base_url}__mock__/media/{clip_id}.wav"
        return Answer(200, {"message": "success", "data": {"wav_url": url}})


class MidiRenderer(_ClipCall):
    capability = "audio.midi"

    def answer_for(self, store: Store, base_url: str, clip_id: str) -> Answer:
        found = store.find_track(clip_id)
        base = 48 + (found[1].index if found is not None else 0) % 24
        notes = [
            (base + step, round(0.25 * n, 6), round(0.25 * n + 0.2, 6), 0.8)
            for n, step in enumerate((0, 4, 7, 12))
        ]
        instruments = [("Synth Voice", notes)]
        url = store.add_file(
            None,
            "midi",
            MockFile(f"{clip_id}.mid", "audio/midi", lambda: _media.midi_file(instruments)),
        )
        data = {
            "midi_url": url,
            "instruments": [
                {
                    "name": name,
                    "notes": [
                        {"pitch": p, "start": s, "end": e, "velocity": v} for p, s, e, v in items
                    ],
                }
                for name, items in instruments
            ],
        }
        return Answer(200, {"code": self.dialect.ok, "data": data, "message": "success"})


class PersonaRenderer(Renderer):
    capability = "persona.create"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        clip_id = body.get("continue_clip_id")
        known = documented_ids(self.vendor, operation_id, "continue_clip_id")
        refusal = clip_refusal(store, clip_id, known=known)
        if refusal is not None:
            return self.dialect.error(refusal.kind, refusal.message)
        persona_id = "persona-" + str(clip_id)
        store.set_claim(("persona", persona_id), str(clip_id))
        return Answer(
            200, {"code": self.dialect.ok, "persona_id": persona_id, "message": "success"}
        )


class UploadRenderer(Renderer):
    """An upload becomes a clip (served back as the URL it came from) for the upload types.
    It is answered at once and billed here, what its spec documents (Upload Local Music: 2
    credits per call); the mock bills no other call."""

    capability = "upload.url"

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        cost = documented_cost(self.vendor, operation_id) or 0
        # Not under the mock's lock (a renderer is given none): over HTTP the server's event
        # loop runs handlers one at a time; an in-process app called from several threads at
        # once may lose a deduction, which no test of credits does.
        if store.credits is not None:
            if store.credits < cost:
                return self.dialect.error("insufficient_credits")
            store.credits -= cost
        url = str(body.get("url"))
        clip_id = str(uuid.uuid5(uuid.NAMESPACE_URL, url))
        store.set_claim((_UPLOAD_CLAIM, clip_id), url)
        store.add_file(None, "upload", MockFile(f"{clip_id}.mp3", "audio/mpeg", bytes, url))
        return Answer(200, {"code": self.dialect.ok, "clip_id": clip_id, "message": "success"})


class LyricsRenderer(_Priced):
    """The v1 lyrics task: processing until complete, then a title and the text."""

    capability = "lyrics.generate"

    def status(self, task: MockTask, stage: Stage) -> Answer:
        done = stage == "complete"
        prompt = str(task.body.get("prompt") or "a song")
        data = {
            "task_id": task.id,
            "input": json.dumps({"prompt": prompt}),
            "status": self.state(task, stage, "LyricsStatus"),
            "title": prompt.title()[:80] if done else None,
            "text": f"[Verse]\n{prompt}, {prompt}\n[Chorus]\nOh {prompt}" if done else None,
        }
        return Answer(200, {"code": self.dialect.ok, "data": data, "message": "success"})

    def set_unknown_status(self, body: Any, value: str) -> None:
        data = body.get("data") if isinstance(body, dict) else None
        if isinstance(data, dict):
            data["status"] = value


class ProducerRenderer(_Priced):
    """A Producer task: one song (the get-producer-music page: "one song will be returned"),
    in get_task's `{code, data: [clip]}` shape (the page's answer was cut off)."""

    capability = "producer.generate"

    def prepare(self, store: Store, task: MockTask) -> None:
        task.data["clip_id"] = str(uuid.uuid5(uuid.NAMESPACE_OID, f"producer:{task.id}"))
        task.data["audio_url"] = store.add_file(
            task, "audio", MockFile(f"{task.id}.wav", "audio/wav", lambda: _media.wav_tone(3.0))
        )

    def status(self, task: MockTask, stage: Stage) -> Answer:
        done = stage == "complete"
        clip = {
            "clip_id": task.data["clip_id"],
            "state": self.state(task, stage, "ClipState"),
            "title": task.body.get("title") or "sunokit mock producer song",
            "lyrics": task.body.get("lyrics"),
            "audio_url": task.data["audio_url"] if done else None,
            "mv": task.body.get("mv") or "FUZZ-2.0",
        }
        return Answer(200, {"code": self.dialect.ok, "data": [clip], "message": "success"})

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        """The webhook at the end: the status body plus the `(task_id, platform)` the guide
        says to de-duplicate on, as for a Suno task."""
        body = self.status(task, stage).body
        return {**body, "task_id": task.id, "platform": "producer"}

    def set_unknown_status(self, body: Any, value: str) -> None:
        for clip in (body.get("data") if isinstance(body, dict) else None) or ():
            if isinstance(clip, dict):
                clip["state"] = value


RENDERERS: tuple[type[Renderer], ...] = (
    ProducerRenderer,
    WavRenderer,
    MidiRenderer,
    PersonaRenderer,
    UploadRenderer,
    LyricsRenderer,
)
