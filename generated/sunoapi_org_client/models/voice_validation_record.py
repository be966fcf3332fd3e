from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.voice_status import VoiceStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="VoiceValidationRecord")


@_attrs_define
class VoiceValidationRecord:
    """
    Attributes:
        task_id (str):
        status (VoiceStatus): State of a Suno Voice task (validation and voice records).
        validate_info (None | str | Unset): The phrase to record.
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
    """

    task_id: str
    status: VoiceStatus
    validate_info: None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        validate_info: None | str | Unset
        if isinstance(self.validate_info, Unset):
            validate_info = UNSET
        else:
            validate_info = self.validate_info

        error_code: float | None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "status": status,
            }
        )
        if validate_info is not UNSET:
            field_dict["validateInfo"] = validate_info
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        status = VoiceStatus(d.pop("status"))

        def _parse_validate_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        validate_info = _parse_validate_info(d.pop("validateInfo", UNSET))

        def _parse_error_code(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        voice_validation_record = cls(
            task_id=task_id,
            status=status,
            validate_info=validate_info,
            error_code=error_code,
            error_message=error_message,
        )

        voice_validation_record.additional_properties = d
        return voice_validation_record

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
