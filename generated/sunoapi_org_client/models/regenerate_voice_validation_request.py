from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RegenerateVoiceValidationRequest")


@_attrs_define
class RegenerateVoiceValidationRequest:
    """Body of POST /api/v1/voice/regenerate; note the field name calBackUrl (one "l").

    Attributes:
        task_id (str): The validation task.
        cal_back_url (str): Callback URL - spelled calBackUrl by the vendor's schema.
    """

    task_id: str
    cal_back_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        cal_back_url = self.cal_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "calBackUrl": cal_back_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        cal_back_url = d.pop("calBackUrl")

        regenerate_voice_validation_request = cls(
            task_id=task_id,
            cal_back_url=cal_back_url,
        )

        regenerate_voice_validation_request.additional_properties = d
        return regenerate_voice_validation_request

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
