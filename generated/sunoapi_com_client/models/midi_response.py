from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.midi_data import MidiData


T = TypeVar("T", bound="MidiResponse")


@_attrs_define
class MidiResponse:
    """Answer of get_midi.

    Attributes:
        data (MidiData):
        code (ResponseCode | Unset): The `code` of every envelope; equals the HTTP status of the response.
        message (None | str | Unset):
    """

    data: MidiData
    code: ResponseCode | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        code: int | Unset = UNSET
        if not isinstance(self.code, Unset):
            code = self.code.value

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.midi_data import MidiData  # noqa: PLC0415

        d = dict(src_dict)
        data = MidiData.from_dict(d.pop("data"))

        _code = d.pop("code", UNSET)
        code: ResponseCode | Unset
        if isinstance(_code, Unset):
            code = UNSET
        else:
            code = ResponseCode(_code)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        midi_response = cls(
            data=data,
            code=code,
            message=message,
        )

        midi_response.additional_properties = d
        return midi_response

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
