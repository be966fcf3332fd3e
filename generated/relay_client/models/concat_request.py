from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConcatRequest")


@_attrs_define
class ConcatRequest:
    """Body of POST /suno/submit/concat (gateway extension).

    Attributes:
        clip_id (str): The last clip of an extend chain.
        is_infill (bool | Unset): Whether the clip came from an infill (replace section). Default: False.
    """

    clip_id: str
    is_infill: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clip_id = self.clip_id

        is_infill = self.is_infill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clip_id": clip_id,
            }
        )
        if is_infill is not UNSET:
            field_dict["is_infill"] = is_infill

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clip_id = d.pop("clip_id")

        is_infill = d.pop("is_infill", UNSET)

        concat_request = cls(
            clip_id=clip_id,
            is_infill=is_infill,
        )

        concat_request.additional_properties = d
        return concat_request

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
