from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StemsOriginItem")


@_attrs_define
class StemsOriginItem:
    """One separated stem in `originData` (newer page).

    Attributes:
        id (None | str | Unset): Usable as the audioId of Generate MIDI.
        audio_url (None | str | Unset):
        duration (float | None | str | Unset):
        stem_type_group_name (None | str | Unset): e.g. Vocals, Instrumental, Keyboard, Percussion, Strings, Synth.
    """

    id: None | str | Unset = UNSET
    audio_url: None | str | Unset = UNSET
    duration: float | None | str | Unset = UNSET
    stem_type_group_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        duration: float | None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        stem_type_group_name: None | str | Unset
        if isinstance(self.stem_type_group_name, Unset):
            stem_type_group_name = UNSET
        else:
            stem_type_group_name = self.stem_type_group_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if duration is not UNSET:
            field_dict["duration"] = duration
        if stem_type_group_name is not UNSET:
            field_dict["stem_type_group_name"] = stem_type_group_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audio_url", UNSET))

        def _parse_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_stem_type_group_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stem_type_group_name = _parse_stem_type_group_name(d.pop("stem_type_group_name", UNSET))

        stems_origin_item = cls(
            id=id,
            audio_url=audio_url,
            duration=duration,
            stem_type_group_name=stem_type_group_name,
        )

        stems_origin_item.additional_properties = d
        return stems_origin_item

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
