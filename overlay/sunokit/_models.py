"""Vendor-neutral results: Task and Track."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import attrs

__all__ = [
    "TERMINAL_STATES",
    "AudioFile",
    "Credits",
    "Images",
    "Lyrics",
    "LyricsVariant",
    "Midi",
    "MidiInstrument",
    "MidiNote",
    "Persona",
    "Stem",
    "Stems",
    "Style",
    "Task",
    "TaskError",
    "TaskState",
    "TimedLyrics",
    "TimedWord",
    "Track",
    "TrackRef",
    "Tracks",
    "Upload",
    "Video",
    "Voice",
    "VoiceAvailability",
    "VoicePhrase",
    "parse_duration",
]

TaskState = Literal[
    "queued", "running", "text_ready", "first_ready", "succeeded", "failed", "unknown"
]
TASK_STATES: tuple[TaskState, ...] = (
    "queued",
    "running",
    "text_ready",
    "first_ready",
    "succeeded",
    "failed",
    "unknown",
)
TERMINAL_STATES: frozenset[TaskState] = frozenset({"succeeded", "failed"})


def parse_duration(value: object) -> float | None:
    """Seconds as float: numbers pass, numeric strings ("240", "104.88") convert, else None.

    None also for what cannot be a duration: negative, NaN, infinite, or too large for a float
    (an integer like 10**400, as callbacks read it too).
    """
    if type(value) is float:  # the common case, first: every track of every poll has one
        return value if 0.0 <= value < math.inf else None  # NaN compares False
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond the float range
            return None
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except (ValueError, OverflowError):
            return None
    else:
        return None
    return number if math.isfinite(number) and number >= 0 else None


@attrs.frozen
class TaskError:
    """Why a task failed, in the vendor's words.

    `kind`: what the spec says the failure means, in the words of the API error kinds
    (`content_rejected` for a prompt the vendor refused, ...); None for a generic failure.
    """

    code: str | int | None
    message: str
    kind: str | None = None


# Track and Task keep their attributes in a __dict__ (slots=False): a frozen slotted class sets
# each attribute through object.__setattr__, and every poll builds a Task and its Tracks (the
# __init__s cost ~30% less this way).
@attrs.frozen(slots=False)
class Track:
    """One generated song."""

    id: str
    title: str | None = None
    audio_url: str | None = None
    stream_url: str | None = None
    image_url: str | None = None
    duration: float | None = None
    tags: str | None = None
    lyrics: str | None = None
    model: str | None = None
    created_at: str | int | None = None
    #: The task that made the track (filled in by the Task that holds it).
    task_id: str = ""

    @property
    def ref(self) -> TrackRef:
        """What requests that act on this track take (`ConvertToWav(task.tracks[0].ref)`)."""
        return TrackRef(task_id=self.task_id, audio_id=self.id)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _with_task_id(track: Track, task_id: str) -> Track:
    """`attrs.evolve(track, task_id=task_id)`, without re-running a plain Track's __init__
    (every poll answer stamps each track; evolve costs ~5 µs a track)."""
    if type(track) is not Track:
        return attrs.evolve(track, task_id=task_id)
    return _replaced(track, "task_id", task_id)


_T = TypeVar("_T")


def _replaced(instance: _T, name: str, value: Any) -> _T:
    """A copy of a frozen Track or Task with one attribute (`name`, as stored) replaced, made
    without __init__: only for attributes nothing in __init__ checks or derives from."""
    copied = object.__new__(type(instance))
    for stored in _FIELD_NAMES[type(instance)]:
        object.__setattr__(copied, stored, getattr(instance, stored))
    object.__setattr__(copied, name, value)
    return copied


def with_raw_of_new(task: Task, raw: Any) -> Task:
    """`task`, just built and held by no one else yet, given the answer it was read from as
    `raw`: one attribute set in place where `attrs.evolve` would copy every field (every poll
    answer does this once; nothing __init__ checks depends on `raw`)."""
    object.__setattr__(task, "_raw", raw)
    return task


@attrs.frozen
class TrackRef:
    """A track a vendor made: the task that made it and the track's own id."""

    task_id: str
    audio_id: str


@attrs.frozen
class LyricsVariant:
    """One set of lyrics a lyrics task wrote."""

    text: str
    title: str | None = None
    error: str | None = None  # why this variant failed, when the vendor says


@attrs.frozen
class Lyrics:
    """The result of `GenerateLyrics`: the variants the vendor wrote (usually two)."""

    variants: tuple[LyricsVariant, ...]

    @property
    def text(self) -> str:
        """The first variant's lyrics."""
        return self.variants[0].text if self.variants else ""


@attrs.frozen
class AudioFile:
    """One audio file a job made (`ConvertToWav`: the WAV)."""

    url: str
    format: str


@attrs.frozen
class Stem:
    name: str  # "vocal", "instrumental", "drums", "backing_vocals", ...
    url: str


@attrs.frozen
class Stems:
    """The result of `SeparateStems`: one audio file per stem."""

    stems: tuple[Stem, ...]

    def __getitem__(self, name: str) -> str:
        """The URL of the stem `name` (KeyError naming the stems there are)."""
        for stem in self.stems:
            if stem.name == name:
                return stem.url
        raise KeyError(f"no stem {name!r}; stems: {', '.join(s.name for s in self.stems)}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stem.name for stem in self.stems)


@attrs.frozen
class MidiNote:
    pitch: int
    start: float  # seconds
    end: float  # seconds
    velocity: float


@attrs.frozen
class MidiInstrument:
    name: str
    notes: tuple[MidiNote, ...]


@attrs.frozen
class Midi:
    """The result of `GenerateMidi`: the notes the vendor transcribed, per instrument."""

    instruments: tuple[MidiInstrument, ...]


@attrs.frozen
class Video:
    """The result of `MakeVideo`: the music video file."""

    url: str


@attrs.frozen
class Images:
    """The result of `GenerateCoverImage`: the cover images (usually two)."""

    urls: tuple[str, ...]


@attrs.frozen
class Tracks:
    """Tracks a job returned that are not a generation's own (`RecoverAudio`)."""

    tracks: tuple[Track, ...]


@attrs.frozen
class TimedWord:
    word: str
    start: float  # seconds
    end: float  # seconds


@attrs.frozen
class TimedLyrics:
    """The result of `TimestampedLyrics`: each sung word with its start and end."""

    words: tuple[TimedWord, ...]


@attrs.frozen
class Style:
    """The result of `BoostStyle`: a richer style description."""

    text: str


@attrs.frozen
class Persona:
    """The result of `CreatePersona`: a persona id to pass as `Tuning(persona_id=...)`."""

    id: str
    name: str | None = None
    description: str | None = None


@attrs.frozen
class VoicePhrase:
    """The result of `ValidateVoice` / `RegenerateVoicePhrase`: the phrase to record."""

    text: str


@attrs.frozen
class Voice:
    """The result of `CreateVoice`: a custom voice id (a persona id with voice_persona)."""

    id: str


@attrs.frozen
class VoiceAvailability:
    """The result of `CheckVoice`."""

    available: bool


@attrs.frozen
class Upload:
    """The result of an upload: a temporary URL the other requests take (`upload_url=`), or,
    where the vendor keeps an upload as a clip (sunoapi_com), its `clip_id` (`Cover(clip_id,
    ..., uploaded=True)`) and no URL."""

    url: str | None
    path: str | None = None
    size: int | None = None
    mime_type: str | None = None
    clip_id: str | None = None


@attrs.frozen
class Credits:
    """The result of `GetCredits`: what the account has left, in the vendor's unit."""

    remaining: float
    extra: float | None = None  # bonus credits, where the vendor counts them apart


class LazyModel:
    """A generated model built when first read: what an answer's `parsed` holds where its body
    is known to have the documented shape (so building it cannot fail)."""

    __slots__ = ("_build", "_value")

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build: Callable[[], Any] | None = build
        self._value: Any = None

    def value(self) -> Any:
        if self._build is not None:
            self._value, self._build = self._build(), None
        return self._value


def resolved(value: Any) -> Any:
    """`value`, or the model a LazyModel stands for."""
    return value.value() if isinstance(value, LazyModel) else value


@attrs.frozen(slots=False)
class Task:
    """One snapshot of a job a vendor accepted; also the handle to poll it again.

    `operation` is the capability the job performs (`music.generate`, `lyrics.generate`, ...);
    `client.get(task)` reads its next snapshot from the poll operation of that capability.
    `result` is the typed result once the job has one (`Lyrics`, `Credits`, ...); music results
    stay in `tracks`. `raw` is the generated model (or the decoded JSON) the task was built from,
    for anything this type does not normalize.

    `dedupe_key` is set only on a Task parsed from a callback whose spec names a de-duplication
    key (`sunokit.callbacks`): the same for every delivery of one event, different for
    different events, so a handler can drop repeats. It takes no part in equality (a callback's
    Task equals the one `client.get` returns for the same job) nor in `to_dict()`.
    """

    vendor: str
    task_id: str
    state: TaskState
    vendor_state: str | None = None
    error: TaskError | None = None
    tracks: tuple[Track, ...] = ()
    _raw: Any = attrs.field(default=None, repr=False, eq=False, alias="raw")
    operation: str = "music.generate"
    result: Any = None
    dedupe_key: tuple[str, ...] | None = attrs.field(default=None, eq=False)

    @property
    def raw(self) -> Any:
        """The generated model (or the decoded JSON) of the answer this snapshot was read from;
        a generated model is built on first read (most snapshots are never asked)."""
        return resolved(self._raw)

    def __attrs_post_init__(self) -> None:
        task_id = self.task_id
        for track in self.tracks:  # (a loop, not any(): every poll builds a Task)
            if track.task_id != task_id:  # each track knows its task: `track.ref` suffices
                stamped = tuple(_with_task_id(t, task_id) for t in self.tracks)
                object.__setattr__(self, "tracks", stamped)
                return

    @property
    def done(self) -> bool:
        return self.state in TERMINAL_STATES

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by the CLI and written to sidecar files."""
        return {
            "vendor": self.vendor,
            "task_id": self.task_id,
            "state": self.state,
            "vendor_state": self.vendor_state,
            "error": attrs.asdict(self.error) if self.error else None,
            "tracks": [track.to_dict() for track in self.tracks],
            "operation": self.operation,
            "result": attrs.asdict(self.result) if attrs.has(type(self.result)) else self.result,
        }


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    kind: tuple(field.name for field in attrs.fields(kind)) for kind in (Track, Task)
}
