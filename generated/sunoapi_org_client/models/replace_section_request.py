from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplaceSectionRequest")


@_attrs_define
class ReplaceSectionRequest:
    """Body of POST /api/v1/generate/replace-section.

    Attributes:
        task_id (str): The original (parent) task.
        audio_id (str): The track to edit.
        prompt (str): The content (lyrics) of the replacement.
        tags (str): Style of the replacement.
        title (str):
        infill_start_s (float): Start of the section in seconds (2 decimal places), before infillEndS.
        infill_end_s (float): End of the section in seconds, after infillStartS.
        negative_tags (str | Unset):
        call_back_url (str | Unset): Optional.
    """

    task_id: str
    audio_id: str
    prompt: str
    tags: str
    title: str
    infill_start_s: float
    infill_end_s: float
    negative_tags: str | Unset = UNSET
    call_back_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        audio_id = self.audio_id

        prompt = self.prompt

        tags = self.tags

        title = self.title

        infill_start_s = self.infill_start_s

        infill_end_s = self.infill_end_s

        negative_tags = self.negative_tags

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "audioId": audio_id,
                "prompt": prompt,
                "tags": tags,
                "title": title,
                "infillStartS": infill_start_s,
                "infillEndS": infill_end_s,
            }
        )
        if negative_tags is not UNSET:
            field_dict["negativeTags"] = negative_tags
        if call_back_url is not UNSET:
            field_dict["callBackUrl"] = call_back_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        audio_id = d.pop("audioId")

        prompt = d.pop("prompt")

        tags = d.pop("tags")

        title = d.pop("title")

        infill_start_s = d.pop("infillStartS")

        infill_end_s = d.pop("infillEndS")

        negative_tags = d.pop("negativeTags", UNSET)

        call_back_url = d.pop("callBackUrl", UNSET)

        replace_section_request = cls(
            task_id=task_id,
            audio_id=audio_id,
            prompt=prompt,
            tags=tags,
            title=title,
            infill_start_s=infill_start_s,
            infill_end_s=infill_end_s,
            negative_tags=negative_tags,
            call_back_url=call_back_url,
        )

        replace_section_request.additional_properties = d
        return replace_section_request

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
