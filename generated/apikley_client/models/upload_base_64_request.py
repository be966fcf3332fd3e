from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadBase64Request")


@_attrs_define
class UploadBase64Request:
    """Body of POST /file-upload/api/file-base64-upload.

    Attributes:
        base_64_data (str): Pure base64 or a data URL (data:<mime>;base64
        upload_path (str): Folder
        file_name (str | Unset): Random when absent; an existing name is overwritten (caches may delay the change).
    """

    base_64_data: str
    upload_path: str
    file_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_64_data = self.base_64_data

        upload_path = self.upload_path

        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base64Data": base_64_data,
                "uploadPath": upload_path,
            }
        )
        if file_name is not UNSET:
            field_dict["fileName"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_64_data = d.pop("base64Data")

        upload_path = d.pop("uploadPath")

        file_name = d.pop("fileName", UNSET)

        upload_base_64_request = cls(
            base_64_data=base_64_data,
            upload_path=upload_path,
            file_name=file_name,
        )

        upload_base_64_request.additional_properties = d
        return upload_base_64_request

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
