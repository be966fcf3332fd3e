from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GenerateCoverImageRequest")


@_attrs_define
class GenerateCoverImageRequest:
    """Body of POST /api/v1/suno/cover/generate (Create Suno Cover Task).

    Attributes:
        task_id (str): The music generation task to make covers for.
        call_back_url (str): Receives the single callback with the image URLs.
    """

    task_id: str
    call_back_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "callBackUrl": call_back_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        call_back_url = d.pop("callBackUrl")

        generate_cover_image_request = cls(
            task_id=task_id,
            call_back_url=call_back_url,
        )

        generate_cover_image_request.additional_properties = d
        return generate_cover_image_request

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
