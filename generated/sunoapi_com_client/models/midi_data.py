from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.midi_instrument import MidiInstrument


T = TypeVar("T", bound="MidiData")


@_attrs_define
class MidiData:
    """
    Attributes:
        instruments (list[MidiInstrument]):
        midi_url (None | str | Unset): The .mid file.
    """

    instruments: list[MidiInstrument]
    midi_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instruments = []
        for instruments_item_data in self.instruments:
            instruments_item = instruments_item_data.to_dict()
            instruments.append(instruments_item)

        midi_url: None | str | Unset
        if isinstance(self.midi_url, Unset):
            midi_url = UNSET
        else:
            midi_url = self.midi_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instruments": instruments,
            }
        )
        if midi_url is not UNSET:
            field_dict["midi_url"] = midi_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.midi_instrument import MidiInstrument  # noqa: PLC0415

        d = dict(src_dict)
        instruments = []
        _instruments = d.pop("instruments")
        for instruments_item_data in _instruments:
            instruments_item = MidiInstrument.from_dict(instruments_item_data)

            instruments.append(instruments_item)

        def _parse_midi_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        midi_url = _parse_midi_url(d.pop("midi_url", UNSET))

        midi_data = cls(
            instruments=instruments,
            midi_url=midi_url,
        )

        midi_data.additional_properties = d
        return midi_data

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
