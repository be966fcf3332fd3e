from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WavResult")


@_attrs_define
class WavResult:
    """
    Attributes:
        audio_wav_url (None | str | Unset): The WAV file; set when the state is SUCCESS.
    """

    audio_wav_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_wav_url: None | str | Unset
        if isinstance(self.audio_wav_url, Unset):
            audio_wav_url = UNSET
        else:
            audio_wav_url = self.audio_wav_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if audio_wav_url is not UNSET:
            field_dict["audioWavUrl"] = audio_wav_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_audio_wav_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_wav_url = _parse_audio_wav_url(d.pop("audioWavUrl", UNSET))

        wav_result = cls(
            audio_wav_url=audio_wav_url,
        )

        wav_result.additional_properties = d
        return wav_result

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
