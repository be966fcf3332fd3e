"""Kie-family capabilities whose results are files: WAV, stems, MIDI, music video, cover images,
recovered audio. Each file is real (a WAV a player opens, a Standard MIDI File, an MP4 with a
valid box structure, PNGs) and served under /__mock__/media/."""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from ... import _specs
from .. import _media, _spec
from .._tasks import MockFile, MockTask, Stage
from ._base import Answer, Refusal, Store, iso
from ._kie_common import KieRenderer, millis, source_of

__all__ = [
    "CoverImageRenderer",
    "MidiRenderer",
    "RecoveryRenderer",
    "StemsRenderer",
    "VideoRenderer",
    "WavRenderer",
]


def _stem_tone(index: int) -> float:
    """A semitone apart per stem: every stem a different file."""
    return round(220.0 * 2 ** (index / 12), 2)


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.title() for part in rest)


def _done(stage: Stage) -> bool:
    return stage == "complete"


class _SingleFile(KieRenderer):
    """A task on one track that ends in one file (WAV, MP4): `{taskId, musicId, ...,
    response: {<url field>}, successFlag, ...}` and a callback `{code, msg, data: {task_id,
    <url field>}}`."""

    role: ClassVar[str]
    url_field: ClassVar[str]  # in the record's response
    callback_url_field: ClassVar[str]
    what: ClassVar[str]

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        refused = self.refuse_track(store, operation_id, body)
        if refused is not None:
            return refused
        return self.conflict(
            store, operation_id, (self.capability, str(body["audioId"])), self.what
        )

    def prepare(self, store: Store, task: MockTask) -> None:
        self.attach_track(store, task)
        _music, track = source_of(task)
        store.set_claim((self.capability, track.id), task.id)
        store.add_file(task, self.role, self.make_file(task))

    def make_file(self, task: MockTask) -> MockFile:
        raise NotImplementedError

    def record(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        _music, track = source_of(task)
        failed = stage == "failed"
        return {
            "taskId": task.id,
            "musicId": track.id,
            "callbackUrl": task.callback_url,
            "audioId": track.id,
            "completeTime": millis(task.wall) if stage in ("complete", "failed") else None,
            "response": {self.url_field: task.data["urls"][self.role]} if _done(stage) else None,
            "successFlag": self.task_state(task, stage),
            "createTime": millis(task.wall),
            "errorCode": self.failure_code(task, self.poll_operation(task).code_schema)
            if failed
            else None,
            "errorMessage": task.reason if failed else None,
        }

    def status(self, task: MockTask, stage: Stage) -> Answer:
        return self.status_answer(self.record(task, stage))

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        if stage == "failed":
            return {
                "code": self.callback_failure(task),
                "msg": task.reason,
                "data": {"task_id": task.id, self.callback_url_field: None},
            }
        return {
            "code": self.callback_ok(task),
            "msg": "success",
            "data": {"task_id": task.id, self.callback_url_field: task.data["urls"][self.role]},
        }


class WavRenderer(_SingleFile):
    capability = "audio.wav"
    role = "wav"
    url_field = "audioWavUrl"
    callback_url_field = "audioWavUrl"
    what = "WAV record"

    def make_file(self, task: MockTask) -> MockFile:
        _music, track = source_of(task)
        return MockFile(
            f"{task.id}.wav", "audio/wav", lambda: _media.wav_tone(track.duration, track.frequency)
        )

    def record(self, task: MockTask, stage: Stage) -> dict[str, Any]:
        record = super().record(task, stage)
        del record["audioId"]  # the WAV record names its track musicId only
        return record


class VideoRenderer(_SingleFile):
    capability = "video.create"
    role = "mp4"
    url_field = "videoUrl"
    callback_url_field = "video_url"
    what = "Mp4 record"

    def make_file(self, task: MockTask) -> MockFile:
        _music, track = source_of(task)
        return MockFile(
            f"{task.id}.mp4", "video/mp4", lambda: _media.mp4_video(track.duration, track.frequency)
        )


class StemsRenderer(KieRenderer):
    """Vocal separation: `separate_vocal` gives a vocal and an instrumental WAV, `split_stem`
    one WAV per stem the callback schema names (vocal, backing vocals, drums, ...)."""

    capability = "audio.stems"
    _TWO: ClassVar[tuple[str, ...]] = ("vocal", "instrumental")

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        return self.refuse_track(store, operation_id, body)

    def _info_schema(self, task: MockTask) -> str:
        callback = _spec.callback_spec_for(self.vendor, task.operation)
        assert callback is not None
        name = _spec.schema_name_at(
            self.vendor, callback.schema_name, ("data", "vocal_removal_info")
        )
        assert name is not None, "the stems callback names no vocal_removal_info schema"
        return name

    def stems(self, task: MockTask) -> tuple[str, ...]:
        """The stem names of the task's separation type, from the callback schema's `*_url`."""
        kind = task.body.get("type") or _spec.request_schema(self.vendor, task.operation).get(
            "properties", {}
        ).get("type", {}).get("default")
        if kind != "split_stem":
            return self._TWO
        info = _specs.resolve(
            self.vendor, {"$ref": f"#/components/schemas/{self._info_schema(task)}"}
        )
        names = [
            re.sub(r"_url$", "", key)
            for key in info.get("properties", {})
            if key.endswith("_url") and key not in ("origin_url", "instrumental_url")
        ]
        return tuple(names)

    def prepare(self, store: Store, task: MockTask) -> None:
        self.attach_track(store, task)
        _music, track = source_of(task)
        origin = []
        for index, stem in enumerate(self.stems(task)):
            tone = _stem_tone(index)
            duration = track.duration
            url = store.add_file(
                task,
                stem,
                MockFile(
                    f"{task.id}-{stem}.wav",
                    "audio/wav",
                    functools.partial(_media.wav_tone, duration, tone),
                ),
            )
            origin.append(
                {
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, url)),
                    "audio_url": url,
                    "duration": duration,
                    "stem_type_group_name": stem.replace("_", " ").title(),
                }
            )
        task.data["origin"] = origin

    def _result(self, task: MockTask) -> dict[str, Any]:
        urls: dict[str, str] = task.data["urls"]
        every = ("vocal", "instrumental", *self.stems_of_schema(task))
        result: dict[str, Any] = {
            "id": task.id,
            "originUrl": None,
            "originData": task.data["origin"],
        }
        for stem in dict.fromkeys(every):
            result[_camel(f"{stem}_url")] = urls.get(stem)
        return result

    def stems_of_schema(self, task: MockTask) -> list[str]:
        info = _specs.resolve(
            self.vendor, {"$ref": f"#/components/schemas/{self._info_schema(task)}"}
        )
        return [
            re.sub(r"_url$", "", key)
            for key in info.get("properties", {})
            if key.endswith("_url") and key != "origin_url"
        ]

    def status(self, task: MockTask, stage: Stage) -> Answer:
        _music, track = source_of(task)
        failed = stage == "failed"
        record = {
            "taskId": task.id,
            "musicId": track.id,
            "callbackUrl": task.callback_url,
            "audioId": track.id,
            "completeTime": millis(task.wall) if stage in ("complete", "failed") else None,
            "response": self._result(task) if _done(stage) else None,
            "successFlag": self.task_state(task, stage),
            "createTime": millis(task.wall),
            "errorCode": self.failure_code(task, self.poll_operation(task).code_schema)
            if failed
            else None,
            "errorMessage": task.reason if failed else None,
        }
        return self.status_answer(record)

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        if stage == "failed":
            return {
                "code": self.callback_failure(task),
                "msg": task.reason,
                "data": {"task_id": task.id, "vocal_removal_info": None},
            }
        urls: dict[str, str] = task.data["urls"]
        info: dict[str, Any] = {"origin_url": ""}
        for stem in self.stems_of_schema(task):
            if stem in urls:
                info[f"{stem}_url"] = urls[stem]
        return {
            "code": self.callback_ok(task),
            "msg": _spec.callback_example_message(self.vendor, task.operation) or "success",
            "data": {"task_id": task.id, "vocal_removal_info": info},
        }


class MidiRenderer(KieRenderer):
    """MIDI from a finished separation (`taskId` of a stems task, optionally one stem's
    `audioId` from its originData): notes per instrument in the record and the callback, and
    the same notes as a Standard MIDI File under /__mock__/media/<task>.mid."""

    capability = "audio.midi"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        source = store.find_task(str(body.get("taskId")))
        if source is None or source.capability != "audio.stems":
            return Refusal("not_found", f"taskId not found: {body.get('taskId')}")
        audio_id = body.get("audioId")
        if audio_id is not None and audio_id not in {o["id"] for o in source.data["origin"]}:
            return Refusal("not_found", f"audioId {audio_id} is not a stem of task {source.id}")
        return None

    def prepare(self, store: Store, task: MockTask) -> None:
        source = store.find_task(str(task.body["taskId"]))
        assert source is not None
        task.source, task.source_track = source, source.source_track
        wanted = task.body.get("audioId")
        instruments = []
        for index, origin in enumerate(source.data["origin"]):
            if wanted is not None and origin["id"] != wanted:
                continue
            base = 48 + (index * 5) % 24
            notes = [
                (base + step, round(0.25 * n, 6), round(0.25 * n + 0.2, 6), 0.8)
                for n, step in enumerate((0, 4, 7, 12))
            ]
            instruments.append((str(origin["stem_type_group_name"]), notes))
        task.data["instruments"] = instruments
        store.add_file(
            task,
            "midi",
            MockFile(f"{task.id}.mid", "audio/midi", lambda: _media.midi_file(instruments)),
        )

    def _midi_data(self, task: MockTask, state_schema: str | None) -> dict[str, Any]:
        done = (
            _spec.state_for(self.vendor, state_schema, ("succeeded",))
            if state_schema
            else "complete"
        )
        return {
            "state": done,
            "instruments": [
                {
                    "name": name,
                    "notes": [
                        {"pitch": pitch, "start": start, "end": end, "velocity": velocity}
                        for pitch, start, end, velocity in notes
                    ],
                }
                for name, notes in task.data["instruments"]
            ],
        }

    def _state_schema(self) -> str | None:
        return _spec.schema_name_at(self.vendor, "MidiData", ("state",))

    def status(self, task: MockTask, stage: Stage) -> Answer:
        failed = stage == "failed"
        record = {
            "taskId": task.id,
            "recordTaskId": -1,
            "audioId": task.body.get("audioId"),
            "callbackUrl": task.callback_url,
            "completeTime": millis(task.wall) if stage in ("complete", "failed") else None,
            "midiData": self._midi_data(task, self._state_schema()) if _done(stage) else None,
            "successFlag": self.task_state(task, stage),
            "createTime": millis(task.wall),
            "errorCode": self.failure_code(task, self.poll_operation(task).code_schema)
            if failed
            else None,
            "errorMessage": task.reason if failed else None,
        }
        return self.status_answer(record)

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        if stage == "failed":
            return {
                "task_id": task.id,
                "code": self.callback_failure(task),
                "msg": task.reason,
                "data": None,
            }
        return {
            "task_id": task.id,
            "code": self.callback_ok(task),
            "msg": "success",
            "data": self._midi_data(task, self._state_schema()),
        }


class CoverImageRenderer(KieRenderer):
    """Cover images (two PNGs) for a music task; one cover task per music task: a repeat is
    answered with the vendor's duplicate answer carrying the first cover task's id."""

    capability = "image.cover"
    _COLOURS: ClassVar[tuple[tuple[int, int, int], ...]] = ((32, 64, 160), (160, 64, 32))

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        music = self.music_task(store, body.get("taskId"))
        if isinstance(music, Refusal):
            return music
        earlier = store.claim((self.capability, music.id))
        if earlier is None:
            return None
        codes = self.create_codes(operation_id)
        code = _spec.code_for(self.vendor, "invalid_request", codes) or 400
        message = (
            _spec.operation_message(self.vendor, operation_id, code)
            or "Cover already generated for this task"
        )
        answer = Answer(
            200, {"code": code, "msg": message, "data": {"taskId": earlier}}, kind="invalid_request"
        )
        return Refusal("invalid_request", message, answer)

    def create_codes(self, operation_id: str) -> str:
        from ... import _operations

        return _operations.spec_operation(self.vendor, operation_id).code_schema

    def prepare(self, store: Store, task: MockTask) -> None:
        music = store.find_task(str(task.body["taskId"]))
        assert music is not None
        task.source = music
        store.set_claim((self.capability, music.id), task.id)
        for index, colour in enumerate(self._COLOURS):
            store.add_file(
                task,
                f"image{index}",
                MockFile(
                    f"{task.id}-{index}.png",
                    "image/png",
                    functools.partial(_media.png_cover, *colour),
                ),
            )

    def _images(self, task: MockTask) -> list[str]:
        urls: dict[str, str] = task.data["urls"]
        return [urls[f"image{index}"] for index in range(len(self._COLOURS))]

    def status(self, task: MockTask, stage: Stage) -> Answer:
        failed = stage == "failed"
        assert task.source is not None
        record = {
            "taskId": task.id,
            "parentTaskId": task.source.id,
            "callbackUrl": task.callback_url,
            "completeTime": iso(task.wall) if stage in ("complete", "failed") else None,
            "response": {"images": self._images(task)} if _done(stage) else None,
            "successFlag": self.task_state(task, stage),
            "createTime": iso(task.wall),
            "errorCode": self.failure_code(task, self.poll_operation(task).code_schema)
            if failed
            else None,
            "errorMessage": task.reason if failed else None,
        }
        return self.status_answer(record)

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        if stage == "failed":
            return {
                "code": self.callback_failure(task),
                "msg": task.reason,
                "data": {"taskId": task.id, "images": []},
            }
        return {
            "code": self.callback_ok(task),
            "msg": "success",
            "data": {"taskId": task.id, "images": self._images(task)},
        }


class RecoveryRenderer(KieRenderer):
    """Recovery of a music task's expired links: the body `code` is the state (running,
    finished, failed, from the spec's RecoveryResponseCode table) and `data` the tracks."""

    capability = "audio.recovery"

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        music = self.music_task(store, body.get("sunoTaskId"))
        if isinstance(music, Refusal):
            return Refusal("not_found", f"sunoTaskId not found: {body.get('sunoTaskId')}")
        return None

    def prepare(self, store: Store, task: MockTask) -> None:
        music = store.find_task(str(task.body["sunoTaskId"]))
        assert music is not None
        task.source = music
        for track in music.tracks:
            store.add_file(
                task,
                track.id,
                MockFile(
                    f"{task.id}-{track.id}.wav",
                    "audio/wav",
                    functools.partial(_media.wav_tone, track.duration, track.frequency),
                ),
            )

    def _tracks(self, task: MockTask, stage: Stage) -> list[dict[str, Any]]:
        assert task.source is not None
        urls: dict[str, str] = task.data["urls"]
        title = str(task.source.body.get("title") or "sunokit mock song")
        if stage == "failed":
            return [
                {"id": t.id, "status": "failed", "error": task.reason or "failed"}
                for t in task.source.tracks
            ]
        return [
            {"id": t.id, "audio_url": urls[t.id], "title": title, "status": "success", "error": ""}
            for t in task.source.tracks
        ]

    def status(self, task: MockTask, stage: Stage) -> Answer:
        schema = self.state_schema(task)
        code = self.task_state(task, stage)
        running = stage not in ("complete", "failed")
        message = (
            "success"
            if stage == "complete"
            else (task.reason if stage == "failed" else "processing")
        )
        body = {
            "code": code,
            "msg": message,
            "task_id": task.id,
            "data": None if running else self._tracks(task, stage),
        }
        del schema
        return Answer(200, body, task_status=True)

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        code = self.callback_ok(task) if stage == "complete" else self.callback_failure(task)
        return {
            "code": code,
            "msg": "success" if stage == "complete" else task.reason,
            "task_id": task.id,
            "data": self._tracks(task, stage),
        }

    def set_unknown_status(self, body: Any, value: str) -> None:
        if isinstance(body, dict):
            body["code"] = value
