from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aligned_word import AlignedWord


T = TypeVar("T", bound="TimingResponse")


@_attrs_define
class TimingResponse:
    """Suno's aligned lyrics of a clip (no envelope).

    Attributes:
        aligned_words (list[AlignedWord]):
        waveform_data (list[float] | None | Unset):
        hoot_cer (float | None | Unset):
        is_streamed (bool | None | Unset):
    """

    aligned_words: list[AlignedWord]
    waveform_data: list[float] | None | Unset = UNSET
    hoot_cer: float | None | Unset = UNSET
    is_streamed: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aligned_words = []
        for aligned_words_item_data in self.aligned_words:
            aligned_words_item = aligned_words_item_data.to_dict()
            aligned_words.append(aligned_words_item)

        waveform_data: list[float] | None | Unset
        if isinstance(self.waveform_data, Unset):
            waveform_data = UNSET
        elif isinstance(self.waveform_data, list):
            waveform_data = self.waveform_data

        else:
            waveform_data = self.waveform_data

        hoot_cer: float | None | Unset
        if isinstance(self.hoot_cer, Unset):
            hoot_cer = UNSET
        else:
            hoot_cer = self.hoot_cer

        is_streamed: bool | None | Unset
        if isinstance(self.is_streamed, Unset):
            is_streamed = UNSET
        else:
            is_streamed = self.is_streamed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aligned_words": aligned_words,
            }
        )
        if waveform_data is not UNSET:
            field_dict["waveform_data"] = waveform_data
        if hoot_cer is not UNSET:
            field_dict["hoot_cer"] = hoot_cer
        if is_streamed is not UNSET:
            field_dict["is_streamed"] = is_streamed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aligned_word import AlignedWord  # noqa: PLC0415

        d = dict(src_dict)
        aligned_words = []
        _aligned_words = d.pop("aligned_words")
        for aligned_words_item_data in _aligned_words:
            aligned_words_item = AlignedWord.from_dict(aligned_words_item_data)

            aligned_words.append(aligned_words_item)

        def _parse_waveform_data(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                waveform_data_type_0 = cast(list[float], data)

                return waveform_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        waveform_data = _parse_waveform_data(d.pop("waveform_data", UNSET))

        def _parse_hoot_cer(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hoot_cer = _parse_hoot_cer(d.pop("hoot_cer", UNSET))

        def _parse_is_streamed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_streamed = _parse_is_streamed(d.pop("is_streamed", UNSET))

        timing_response = cls(
            aligned_words=aligned_words,
            waveform_data=waveform_data,
            hoot_cer=hoot_cer,
            is_streamed=is_streamed,
        )

        timing_response.additional_properties = d
        return timing_response

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
