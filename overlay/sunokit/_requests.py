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
from ._validation import Violation

__all__ = [
    "CustomLyrics",
    "Description",
    "Extend",
    "GenerateLyrics",
    "GetCredits",
    "Inspiration",
    "Instrumental",
    "MusicRequest",
    "Request",
    "Tuning",
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


#: Every request type the clients accept.
Request = (
    Description | CustomLyrics | Instrumental | Extend | Inspiration | GenerateLyrics | GetCredits
)
