"""Request modes: typed constructors that can only describe meaningful requests.

Each mode is vendor-neutral; the vendor adapters turn it into the vendor's wire format and
refuse (with `UnsupportedRequestError`) what the vendor does not offer.
"""

from __future__ import annotations

import math
from typing import Literal

import attrs

__all__ = [
    "CustomLyrics",
    "Description",
    "Extend",
    "Inspiration",
    "Instrumental",
    "MusicRequest",
    "Tuning",
]

VocalGender = Literal["m", "f"]


def _not_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string")


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
    instrumental: bool = attrs.field(default=False, kw_only=True)
    model: str | None = attrs.field(default=None, kw_only=True)
    callback_url: str | None = attrs.field(default=None, kw_only=True)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True)

    mode = "description"


@attrs.frozen
class CustomLyrics:
    """Your own lyrics, sung in the given style, under the given title."""

    lyrics: str = attrs.field(validator=_not_blank)
    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    model: str | None = attrs.field(default=None, kw_only=True)
    callback_url: str | None = attrs.field(default=None, kw_only=True)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True)

    mode = "custom"


@attrs.frozen
class Instrumental:
    """No vocals: a style and a title."""

    style: str = attrs.field(validator=_not_blank)
    title: str = attrs.field(validator=_not_blank)
    model: str | None = attrs.field(default=None, kw_only=True)
    callback_url: str | None = attrs.field(default=None, kw_only=True)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True)

    mode = "instrumental"


@attrs.frozen
class Extend:
    """Continue an existing clip from `at` seconds.

    Without lyrics, style and title the vendor reuses the source clip's (where it can).
    `task_id` is the task the clip came from (the relay needs it).
    """

    clip_id: str = attrs.field(validator=_not_blank)
    at: float = attrs.field(kw_only=True)
    lyrics: str | None = attrs.field(default=None, kw_only=True)
    style: str | None = attrs.field(default=None, kw_only=True)
    title: str | None = attrs.field(default=None, kw_only=True)
    instrumental: bool = attrs.field(default=False, kw_only=True)
    task_id: str | None = attrs.field(default=None, kw_only=True)
    model: str | None = attrs.field(default=None, kw_only=True)
    callback_url: str | None = attrs.field(default=None, kw_only=True)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True)

    mode = "extend"

    @at.validator
    def _check_at(self, attribute: attrs.Attribute[float], value: float) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value < 0
        ):
            raise ValueError("at must be a finite number of seconds >= 0")


@attrs.frozen
class Inspiration:
    """The relay's inspiration mode: a free description, the gateway writes everything."""

    description: str = attrs.field(validator=_not_blank)
    instrumental: bool = attrs.field(default=False, kw_only=True)
    model: str | None = attrs.field(default=None, kw_only=True)
    callback_url: str | None = attrs.field(default=None, kw_only=True)
    tuning: Tuning = attrs.field(factory=Tuning, kw_only=True)

    mode = "inspiration"


MusicRequest = Description | CustomLyrics | Instrumental | Extend | Inspiration
