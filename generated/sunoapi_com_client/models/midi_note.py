from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MidiNote")


@_attrs_define
class MidiNote:
    """
    Attributes:
        pitch (int): MIDI note number.
        start (float): Seconds.
        end (float): Seconds.
        velocity (float): 0-1.
    """

    pitch: int
    start: float
    end: float
    velocity: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pitch = self.pitch

        start = self.start

        end = self.end

        velocity = self.velocity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pitch": pitch,
                "start": start,
                "end": end,
                "velocity": velocity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pitch = d.pop("pitch")

        start = d.pop("start")

        end = d.pop("end")

        velocity = d.pop("velocity")

        midi_note = cls(
            pitch=pitch,
            start=start,
            end=end,
            velocity=velocity,
        )

        midi_note.additional_properties = d
        return midi_note

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
