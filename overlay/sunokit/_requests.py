"""Request modes: typed constructors that can only describe meaningful requests.

Each mode is vendor-neutral; the vendor adapters turn it into the vendor's wire format and
refuse (with `UnsupportedRequestError`) what the vendor does not offer.

A constructor argument no vendor could accept (blank text, a negative or non-finite `at`, a
model that is not a string...) raises ClientValidationError at once, naming the argument; its
`vendor` is the mode's name ("Extend"), as no vendor is involved yet.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Literal

import attrs

from ._errors import ClientValidationError
from ._models import Task, TrackRef
from ._validation import Violation

__all__ = [
    "AddInstrumental",
    "AddVocals",
    "BoostStyle",
    "CheckVoice",
    "Concat",
    "ConvertToWav",
    "Cover",
    "CreatePersona",
    "CreateVoice",
    "CustomLyrics",
    "Description",
    "Extend",
    "GenerateCoverImage",
    "GenerateLyrics",
    "GenerateMidi",
    "GenerateSounds",
    "GetCredits",
    "Inspiration",
    "Instrumental",
    "MakeVideo",
    "Mashup",
    "MusicRequest",
    "RecoverAudio",
    "RegenerateVoicePhrase",
    "ReplaceSection",
    "Request",
    "SeparateStems",
    "TimestampedLyrics",
    "Tuning",
    "UploadBytes",
    "UploadCover",
    "UploadExtend",
    "UploadFromUrl",
    "ValidateVoice",
]

VocalGender = Literal["m", "f"]


def _refuse(instance: object, name: str, message: str, keyword: str) -> None:
    mode = type(instance).__name__
    raise ClientValidationError(mode, [Violation(name, "argument", message, keyword)])


def _shown(value: object) -> str:
    """A short, safe description of a bad argument (never a 5,000-digit repr)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    if isinstance(value, (bool, int, float)) or value is None:
        return repr(value)
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
    return f"a {type(value).__name__}"


def _not_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a non-empty string, not {_shown(value)}",
            "minLength" if isinstance(value, str) else "type",
        )


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _not_blank(instance, attribute, value)


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a string or None, not {_shown(value)}",
            "type",
        )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be True or False, not {_shown(value)}",
            "type",
        )


def _tuning(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Tuning):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a sunokit.Tuning, not {_shown(value)}",
            "type",
        )


@attrs.frozen(kw_only=True)
class Tuning:
    """Optional knobs some vendors accept; an adapter refuses the ones its vendor lacks."""

    negative_tags: str | None = None
    vocal_gender: VocalGender | None = None
    style_weight: float | None = None
    weirdness: float | None = None
    audio_weight: float | None = None
    persona_id: str | None = None


#: The default: no knob set (compared against, not copied).
NO_TUNING = Tuning()


@attrs.frozen
class Description:
    """The service writes the lyrics from a short description of the song."""

    prompt: str = attrs.field(validator=_not_blank)
    instrumental: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True, validator=_tuning)

    mode = "description"


@attrs.frozen
class CustomLyrics:
    """Your own lyrics, sung in the given style, under the given title."""

    lyrics: str = attrs.field(validator=_not_blank)
    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True, validator=_tuning)

    mode = "custom"


@attrs.frozen
class Instrumental:
    """No vocals: a style and a title."""

    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True, validator=_tuning)

    mode = "instrumental"


@attrs.frozen
class Extend:
    """Continue an existing clip from `at` seconds.

    Without lyrics, style and title the vendor reuses the source clip's (where it can); at=None
    leaves the position to the vendor where its spec allows that (sunoapi_org and apikley
    continue at a chosen second only with lyrics, style and title: without them they inherit
    everything from the source clip). `task_id` is the task the clip came from (the relay needs
    it). `model` must be the source clip's model where the vendor says so (sunoapi_org,
    apikley); sunokit does not guess it.
    """

    clip_id: str = attrs.field(validator=_not_blank)
    at: float | None = attrs.field(default=None, kw_only=True)
    lyrics: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    style: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    title: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    instrumental: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    task_id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True, validator=_tuning)

    mode = "extend"

    @at.validator
    def _check_at(self, attribute: attrs.Attribute[float | None], value: object) -> None:
        if value is None:
            return
        number = math.nan
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # an integer beyond the float range
                number = math.inf
        if not math.isfinite(number) or number < 0:
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            _refuse(
                self,
                "at",
                f"at must be a finite number of seconds >= 0 (or None), not {_shown(value)}",
                "range" if is_number else "type",
            )


@attrs.frozen
class Inspiration:
    """The relay's inspiration mode: a free description, the gateway writes everything."""

    description: str = attrs.field(validator=_not_blank)
    instrumental: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True, validator=_tuning)

    mode = "inspiration"


MusicRequest = Description | CustomLyrics | Instrumental | Extend | Inspiration


# ---------------------------------------------------------------- requests beyond music
#
# Each names the capability it asks for (`x-sunokit-operation` of the create or call operation
# in the specs) and the result type its Task carries; the vendor bindings
# (`_adapters.<family>.BINDINGS`) turn it into a wire body.


@attrs.frozen
class GenerateLyrics:
    """Lyrics written from a description (result: `Lyrics`, usually two variants)."""

    prompt: str = attrs.field(validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "lyrics.generate"


@attrs.frozen
class GetCredits:
    """The account's remaining credits (result: `Credits`); free, answered at once."""

    capability: ClassVar[str] = "account.credits"


def _track_ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, TrackRef) or not value.task_id or not value.audio_id:
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a track reference with a task id, such as "
            f"task.tracks[0].ref, not {_shown(value)}",
            "type",
        )


@attrs.frozen
class ConvertToWav:
    """A WAV file of a generated track (result: `AudioFile`)."""

    track: TrackRef = attrs.field(validator=_track_ref)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "audio.wav"


@attrs.frozen
class SeparateStems:
    """A generated track split into stems (result: `Stems`): vocals and instrumental, or with
    `full=True` every stem the vendor separates (drums, bass, ...; costs more)."""

    track: TrackRef = attrs.field(validator=_track_ref)
    full: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "audio.stems"


def _task_id(value: object) -> object:
    """A Task stands for its id (`GenerateCoverImage(song)`)."""
    return value.task_id if isinstance(value, Task) else value


@attrs.frozen
class MakeVideo:
    """A music video of a generated track (result: `Video`), optionally credited to `author`
    and watermarked with `domain_name`."""

    track: TrackRef = attrs.field(validator=_track_ref)
    author: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    domain_name: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "video.create"


@attrs.frozen
class GenerateMidi:
    """MIDI transcribed from a finished stem separation (result: `Midi`). `task` is the
    separation's Task (or id); `stem_id` one of its stems, or None for all of them."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)
    stem_id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "audio.midi"


@attrs.frozen
class GenerateCoverImage:
    """Cover images for a music generation (result: `Images`); `task` is its Task (or id)."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "image.cover"


@attrs.frozen
class RecoverAudio:
    """Fresh audio links for a music generation whose links expired (result: `Tracks`)."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "audio.recovery"


def _seconds(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
    ):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a finite number of seconds >= 0, not {_shown(value)}",
            "type",
        )


def _optional_seconds(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _seconds(instance, attribute, value)


def _url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be an http(s) URL (an Upload's url), not {_shown(value)}",
            "format",
        )


def _music_mode(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (Description, CustomLyrics, Instrumental)):
        _refuse(
            instance,
            attribute.name,
            f"{attribute.name} must be a Description, CustomLyrics or Instrumental saying what "
            f"to make of the audio, not {_shown(value)}",
            "type",
        )


@attrs.frozen
class UploadCover:
    """A new version of uploaded audio in another style (result: tracks): `music` says what
    to make of it, as for a generation.

    `clip_id` is for a vendor that keeps an upload as a clip instead of fetching the URL
    (sunoapi_com: the `Upload.clip_id` that `UploadFromUrl(upload_url)` answered); that vendor
    refuses the request without it. Vendors that fetch `upload_url` themselves (the kie family)
    do not use it.
    """

    upload_url: str = attrs.field(validator=_url)
    music: Description | CustomLyrics | Instrumental = attrs.field(validator=_music_mode)
    clip_id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    capability: ClassVar[str] = "music.upload_cover"


@attrs.frozen
class UploadExtend:
    """Uploaded audio continued (result: tracks), from `at` seconds with `music`'s lyrics,
    style and title, or inheriting them (`music=None`).

    `clip_id`: as for `UploadCover` (sunoapi_com continues the uploaded clip, not the URL).
    `model` is the kie family's model name; its default is read as "not chosen" where the
    vendor names its models otherwise (sunoapi_com: `music`'s model, else the vendor default).
    """

    upload_url: str = attrs.field(validator=_url)
    music: Description | CustomLyrics | Instrumental | None = attrs.field(
        default=None, kw_only=True
    )
    at: float | None = attrs.field(default=None, kw_only=True, validator=_optional_seconds)
    model: str = attrs.field(default="V4_5", kw_only=True, validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    clip_id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    capability: ClassVar[str] = "music.upload_extend"


@attrs.frozen
class Concat:
    """An extended song joined into one full track (result: tracks). `clip_id` is the clip an
    Extend made (`task.tracks[0].id`); `task_id` the task it came from, for vendors that need it.
    """

    clip_id: str = attrs.field(validator=_not_blank)
    task_id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "music.concat"


@attrs.frozen
class Cover:
    """A clip sung again in another style (result: tracks): `music` says what to make of it, as
    for a generation. `uploaded=True` when the clip is one you uploaded (a vendor upload's clip
    id), not one the vendor generated."""

    clip_id: str = attrs.field(validator=_not_blank)
    music: Description | CustomLyrics | Instrumental = attrs.field(validator=_music_mode)
    uploaded: bool = attrs.field(default=False, kw_only=True, validator=_flag)

    capability: ClassVar[str] = "music.cover"


@attrs.frozen
class AddInstrumental:
    """An accompaniment for uploaded vocals (result: tracks)."""

    upload_url: str = attrs.field(validator=_url)
    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    negative_tags: str = attrs.field(default="", kw_only=True)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "music.add_instrumental"


@attrs.frozen
class AddVocals:
    """Vocals singing `lyrics` over an uploaded instrumental (result: tracks)."""

    upload_url: str = attrs.field(validator=_url)
    lyrics: str = attrs.field(validator=_not_blank)
    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    negative_tags: str = attrs.field(default="", kw_only=True)
    model: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "music.add_vocals"


@attrs.frozen
class ReplaceSection:
    """The part of a generated track between `start` and `end` seconds sung again with
    `lyrics` (result: tracks)."""

    track: TrackRef = attrs.field(validator=_track_ref)
    lyrics: str = attrs.field(validator=_not_blank)
    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    start: float = attrs.field(kw_only=True, validator=_seconds)
    end: float = attrs.field(kw_only=True, validator=_seconds)
    negative_tags: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "music.replace_section"


@attrs.frozen
class Mashup:
    """Two uploaded audios mashed up into new tracks; `music` says what to make of them."""

    upload_urls: tuple[str, str] = attrs.field(converter=tuple)
    music: Description | CustomLyrics | Instrumental = attrs.field(validator=_music_mode)

    capability: ClassVar[str] = "music.mashup"

    @upload_urls.validator
    def _two_urls(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if len(value) != 2:
            _refuse(self, attribute.name, "upload_urls must be exactly two URLs", "minItems")
        for url in value:
            _url(self, attribute, url)


@attrs.frozen
class GenerateSounds:
    """A sound effect or loop (result: tracks)."""

    prompt: str = attrs.field(validator=_not_blank)
    loop: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    tempo: int | None = attrs.field(default=None, kw_only=True)
    key: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    model: str = attrs.field(default="V5", kw_only=True, validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "music.sounds"


@attrs.frozen
class TimestampedLyrics:
    """Each sung word of a generated track with its timing (result: `TimedLyrics`)."""

    track: TrackRef = attrs.field(validator=_track_ref)

    capability: ClassVar[str] = "lyrics.timestamped"


@attrs.frozen
class BoostStyle:
    """A short style description made richer (result: `Style`); answered at once."""

    style: str = attrs.field(validator=_not_blank)

    capability: ClassVar[str] = "style.boost"


@attrs.frozen
class CreatePersona:
    """A persona (a singer's voice and style) from a generated track (result: `Persona`)."""

    track: TrackRef = attrs.field(validator=_track_ref)
    name: str = attrs.field(validator=_not_blank)
    description: str = attrs.field(validator=_not_blank)
    style: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    vocal_start: float | None = attrs.field(default=None, kw_only=True, validator=_optional_seconds)
    vocal_end: float | None = attrs.field(default=None, kw_only=True, validator=_optional_seconds)

    capability: ClassVar[str] = "persona.create"


@attrs.frozen
class ValidateVoice:
    """Step 1 of a custom voice: the phrase to record, for a sample of the singer
    (`voice_url`, singing between `start` and `end` seconds) (result: `VoicePhrase`)."""

    voice_url: str = attrs.field(validator=_url)
    start: float = attrs.field(kw_only=True, validator=_seconds)
    end: float = attrs.field(kw_only=True, validator=_seconds)
    language: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "voice.validate"


@attrs.frozen
class RegenerateVoicePhrase:
    """Another phrase to record for a voice validation (result: `VoicePhrase`)."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "voice.regenerate"


@attrs.frozen
class CreateVoice:
    """Step 2: the custom voice, from the validation task and the recorded phrase
    (`verify_url`) (result: `Voice`)."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)
    verify_url: str = attrs.field(validator=_url)
    name: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    description: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    style: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    callback_url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)

    capability: ClassVar[str] = "voice.create"


@attrs.frozen
class CheckVoice:
    """Whether a custom voice (its CreateVoice task) can be used (result: VoiceAvailability)."""

    task: str = attrs.field(converter=_task_id, validator=_not_blank)

    capability: ClassVar[str] = "voice.check"


@attrs.frozen
class UploadFromUrl:
    """A file the vendor fetches from `url` and keeps for a few days (result: `Upload`)."""

    url: str = attrs.field(validator=_url)
    path: str = attrs.field(default="sunokit", kw_only=True, validator=_not_blank)
    name: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    capability: ClassVar[str] = "upload.url"


@attrs.frozen
class UploadBytes:
    """A file from memory (sent base64-encoded) the vendor keeps for a few days (result:
    `Upload`); read a file with `UploadBytes(Path(p).read_bytes(), name=Path(p).name)`."""

    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")
    path: str = attrs.field(default="sunokit", kw_only=True, validator=_not_blank)
    name: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    capability: ClassVar[str] = "upload.base64"

    @data.validator
    def _bytes(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, (bytes, bytearray)) or not value:
            _refuse(self, attribute.name, "data must be non-empty bytes", "type")


#: Every request type the clients accept.
Request = (
    Description
    | CustomLyrics
    | Instrumental
    | Extend
    | Inspiration
    | GenerateLyrics
    | GetCredits
    | ConvertToWav
    | SeparateStems
    | MakeVideo
    | GenerateMidi
    | GenerateCoverImage
    | RecoverAudio
    | UploadCover
    | UploadExtend
    | Concat
    | Cover
    | AddInstrumental
    | AddVocals
    | ReplaceSection
    | Mashup
    | GenerateSounds
    | TimestampedLyrics
    | BoostStyle
    | CreatePersona
    | ValidateVoice
    | RegenerateVoicePhrase
    | CreateVoice
    | CheckVoice
    | UploadFromUrl
    | UploadBytes
)
