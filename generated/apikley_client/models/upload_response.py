from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_response_code import UploadResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.uploaded_file import UploadedFile


T = TypeVar("T", bound="UploadResponse")


@_attrs_define
class UploadResponse:
    """The upload envelope (upstream shape; Apikley's pages are cut before it); only `code` required here (tolerant).

    Attributes:
        code (UploadResponseCode): The `code` of the file upload pages: the upstream pages' 200, 400, 401, 500, plus
            Apikley's main-table 404 and 422 (its gateway's answers to an unknown path and to a
            request that fails validation).
        success (bool | None | Unset):
        msg (None | str | Unset):
        data (None | Unset | UploadedFile):
    """

    code: UploadResponseCode
    success: bool | None | Unset = UNSET
    msg: None | str | Unset = UNSET
    data: None | Unset | UploadedFile = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.uploaded_file import UploadedFile  # noqa: PLC0415

        code = self.code.value

        success: bool | None | Unset
        if isinstance(self.success, Unset):
            success = UNSET
        else:
            success = self.success

        msg: None | str | Unset
        if isinstance(self.msg, Unset):
            msg = UNSET
        else:
            msg = self.msg

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, UploadedFile):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success
        if msg is not UNSET:
            field_dict["msg"] = msg
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uploaded_file import UploadedFile  # noqa: PLC0415

        d = dict(src_dict)
        code = UploadResponseCode(d.pop("code"))

        def _parse_success(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        success = _parse_success(d.pop("success", UNSET))

        def _parse_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        msg = _parse_msg(d.pop("msg", UNSET))

        def _parse_data(data: object) -> None | Unset | UploadedFile:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = UploadedFile.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UploadedFile, data)

        data = _parse_data(d.pop("data", UNSET))

        upload_response = cls(
            code=code,
            success=success,
            msg=msg,
            data=data,
        )

        upload_response.additional_properties = d
        return upload_response

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
