from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitMusicResponse")


@_attrs_define
class SubmitMusicResponse:
    """Answer of every create call (generate-music, generate-instrumental, extend-music, extend-Instrumental, generate-
    lyrics), for success and failure alike.

        Attributes:
            code (ResponseCode): Outcome of a call (the `code` of every envelope). Only 200 is documented ("200 means
                success, other status values mean failure"); SunoSay publishes no error-code table, so every other value is
                inferred from common HTTP-style usage.
            task_id (None | str | Unset): The task to poll with get_task; usable only when code is 200.
            message (None | str | Unset): "ok!" on success or the failure reason; informational, never used to decide
                success.
    """

    code: ResponseCode
    task_id: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = ResponseCode(d.pop("code"))

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        submit_music_response = cls(
            code=code,
            task_id=task_id,
            message=message,
        )

        submit_music_response.additional_properties = d
        return submit_music_response

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
