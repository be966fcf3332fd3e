from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.midi_note import MidiNote


T = TypeVar("T", bound="MidiInstrument")


@_attrs_define
class MidiInstrument:
    """
    Attributes:
        name (str):
        notes (list[MidiNote]):
    """

    name: str
    notes: list[MidiNote]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        notes = []
        for notes_item_data in self.notes:
            notes_item = notes_item_data.to_dict()
            notes.append(notes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.midi_note import MidiNote  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        notes = []
        _notes = d.pop("notes")
        for notes_item_data in _notes:
            notes_item = MidiNote.from_dict(notes_item_data)

            notes.append(notes_item)

        midi_instrument = cls(
            name=name,
            notes=notes,
        )

        midi_instrument.additional_properties = d
        return midi_instrument

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
