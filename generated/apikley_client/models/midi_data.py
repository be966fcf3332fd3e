from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.midi_state import MidiState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.midi_instrument import MidiInstrument


T = TypeVar("T", bound="MidiData")


@_attrs_define
class MidiData:
    """
    Attributes:
        state (MidiState | Unset): State inside MIDI data (`complete` is the only documented value).
        instruments (list[MidiInstrument] | None | Unset):
    """

    state: MidiState | Unset = UNSET
    instruments: list[MidiInstrument] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        instruments: list[dict[str, Any]] | None | Unset
        if isinstance(self.instruments, Unset):
            instruments = UNSET
        elif isinstance(self.instruments, list):
            instruments = []
            for instruments_type_0_item_data in self.instruments:
                instruments_type_0_item = instruments_type_0_item_data.to_dict()
                instruments.append(instruments_type_0_item)

        else:
            instruments = self.instruments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if state is not UNSET:
            field_dict["state"] = state
        if instruments is not UNSET:
            field_dict["instruments"] = instruments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.midi_instrument import MidiInstrument  # noqa: PLC0415

        d = dict(src_dict)
        _state = d.pop("state", UNSET)
        state: MidiState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = MidiState(_state)

        def _parse_instruments(data: object) -> list[MidiInstrument] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                instruments_type_0 = []
                _instruments_type_0 = data
                for instruments_type_0_item_data in _instruments_type_0:
                    instruments_type_0_item = MidiInstrument.from_dict(instruments_type_0_item_data)

                    instruments_type_0.append(instruments_type_0_item)

                return instruments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MidiInstrument] | None | Unset, data)

        instruments = _parse_instruments(d.pop("instruments", UNSET))

        midi_data = cls(
            state=state,
            instruments=instruments,
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
