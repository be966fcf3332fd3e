from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cover_image_response_code import CoverImageResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cover_image_record import CoverImageRecord


T = TypeVar("T", bound="CoverImageDetailsResponse")


@_attrs_define
class CoverImageDetailsResponse:
    """
    Attributes:
        code (CoverImageResponseCode): The `code` of the cover image pages: Apikley's main table plus 400 (kie.ai's list
            for
            these pages: 200, 400, 401, 402, 404, 409, 422, 429, 455, 500).
        msg (None | str | Unset):
        data (CoverImageRecord | None | Unset):
    """

    code: CoverImageResponseCode
    msg: None | str | Unset = UNSET
    data: CoverImageRecord | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cover_image_record import CoverImageRecord  # noqa: PLC0415

        code = self.code.value

        msg: None | str | Unset
        if isinstance(self.msg, Unset):
            msg = UNSET
        else:
            msg = self.msg

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, CoverImageRecord):
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
        if msg is not UNSET:
            field_dict["msg"] = msg
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cover_image_record import CoverImageRecord  # noqa: PLC0415

        d = dict(src_dict)
        code = CoverImageResponseCode(d.pop("code"))

        def _parse_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        msg = _parse_msg(d.pop("msg", UNSET))

        def _parse_data(data: object) -> CoverImageRecord | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = CoverImageRecord.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CoverImageRecord | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        cover_image_details_response = cls(
            code=code,
            msg=msg,
            data=data,
        )

        cover_image_details_response.additional_properties = d
        return cover_image_details_response

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
