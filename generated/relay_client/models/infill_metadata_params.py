from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.infill_metadata_params_metadata import InfillMetadataParamsMetadata


T = TypeVar("T", bound="InfillMetadataParams")


@_attrs_define
class InfillMetadataParams:
    """aimanyi's form of an infill (task infill): Suno's own metadata_params. Gateway extension
    field (aimanyi).

        Attributes:
            continue_clip_id (None | str | Unset):
            continued_aligned_prompt (None | str | Unset):
            infill_start_s (float | Unset):
            infill_end_s (float | Unset):
            infill_context_start_s (float | None | Unset):
            infill_context_end_s (float | None | Unset):
            metadata (InfillMetadataParamsMetadata | Unset):
    """

    continue_clip_id: None | str | Unset = UNSET
    continued_aligned_prompt: None | str | Unset = UNSET
    infill_start_s: float | Unset = UNSET
    infill_end_s: float | Unset = UNSET
    infill_context_start_s: float | None | Unset = UNSET
    infill_context_end_s: float | None | Unset = UNSET
    metadata: InfillMetadataParamsMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        continue_clip_id: None | str | Unset
        if isinstance(self.continue_clip_id, Unset):
            continue_clip_id = UNSET
        else:
            continue_clip_id = self.continue_clip_id

        continued_aligned_prompt: None | str | Unset
        if isinstance(self.continued_aligned_prompt, Unset):
            continued_aligned_prompt = UNSET
        else:
            continued_aligned_prompt = self.continued_aligned_prompt

        infill_start_s = self.infill_start_s

        infill_end_s = self.infill_end_s

        infill_context_start_s: float | None | Unset
        if isinstance(self.infill_context_start_s, Unset):
            infill_context_start_s = UNSET
        else:
            infill_context_start_s = self.infill_context_start_s

        infill_context_end_s: float | None | Unset
        if isinstance(self.infill_context_end_s, Unset):
            infill_context_end_s = UNSET
        else:
            infill_context_end_s = self.infill_context_end_s

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if continue_clip_id is not UNSET:
            field_dict["continue_clip_id"] = continue_clip_id
        if continued_aligned_prompt is not UNSET:
            field_dict["continued_aligned_prompt"] = continued_aligned_prompt
        if infill_start_s is not UNSET:
            field_dict["infill_start_s"] = infill_start_s
        if infill_end_s is not UNSET:
            field_dict["infill_end_s"] = infill_end_s
        if infill_context_start_s is not UNSET:
            field_dict["infill_context_start_s"] = infill_context_start_s
        if infill_context_end_s is not UNSET:
            field_dict["infill_context_end_s"] = infill_context_end_s
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.infill_metadata_params_metadata import InfillMetadataParamsMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_continue_clip_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        continue_clip_id = _parse_continue_clip_id(d.pop("continue_clip_id", UNSET))

        def _parse_continued_aligned_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        continued_aligned_prompt = _parse_continued_aligned_prompt(d.pop("continued_aligned_prompt", UNSET))

        infill_start_s = d.pop("infill_start_s", UNSET)

        infill_end_s = d.pop("infill_end_s", UNSET)

        def _parse_infill_context_start_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        infill_context_start_s = _parse_infill_context_start_s(d.pop("infill_context_start_s", UNSET))

        def _parse_infill_context_end_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        infill_context_end_s = _parse_infill_context_end_s(d.pop("infill_context_end_s", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: InfillMetadataParamsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = InfillMetadataParamsMetadata.from_dict(_metadata)

        infill_metadata_params = cls(
            continue_clip_id=continue_clip_id,
            continued_aligned_prompt=continued_aligned_prompt,
            infill_start_s=infill_start_s,
            infill_end_s=infill_end_s,
            infill_context_start_s=infill_context_start_s,
            infill_context_end_s=infill_context_end_s,
            metadata=metadata,
        )

        infill_metadata_params.additional_properties = d
        return infill_metadata_params

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
