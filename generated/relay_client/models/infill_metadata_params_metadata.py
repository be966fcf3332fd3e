from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InfillMetadataParamsMetadata")


@_attrs_define
class InfillMetadataParamsMetadata:
    """
    Attributes:
        infill_lyrics (None | str | Unset): The lyrics of the section sung again.
    """

    infill_lyrics: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        infill_lyrics: None | str | Unset
        if isinstance(self.infill_lyrics, Unset):
            infill_lyrics = UNSET
        else:
            infill_lyrics = self.infill_lyrics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if infill_lyrics is not UNSET:
            field_dict["infill_lyrics"] = infill_lyrics

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_infill_lyrics(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        infill_lyrics = _parse_infill_lyrics(d.pop("infill_lyrics", UNSET))

        infill_metadata_params_metadata = cls(
            infill_lyrics=infill_lyrics,
        )

        infill_metadata_params_metadata.additional_properties = d
        return infill_metadata_params_metadata

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
