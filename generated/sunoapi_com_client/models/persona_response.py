from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonaResponse")


@_attrs_define
class PersonaResponse:
    """Answer of create_persona; persona_id is top-level.

    Attributes:
        persona_id (str): Pass as persona_id with task_type persona_music.
        code (ResponseCode | Unset): The `code` of every envelope; equals the HTTP status of the response.
        message (None | str | Unset):
    """

    persona_id: str
    code: ResponseCode | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        persona_id = self.persona_id

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
                "persona_id": persona_id,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        persona_id = d.pop("persona_id")

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

        persona_response = cls(
            persona_id=persona_id,
            code=code,
            message=message,
        )

        persona_response.additional_properties = d
        return persona_response

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
