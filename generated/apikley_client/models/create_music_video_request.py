from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateMusicVideoRequest")


@_attrs_define
class CreateMusicVideoRequest:
    """Body of POST /api/v1/mp4/generate (Create Music Video).

    Attributes:
        task_id (str): The music generation task that holds the track.
        audio_id (str): The track to render.
        call_back_url (str): Receives the single video callback.
        author (str | Unset): Artist or creator name shown in the video (at most 50 characters
        domain_name (str | Unset): Website or brand shown as a watermark (at most 50 characters
    """

    task_id: str
    audio_id: str
    call_back_url: str
    author: str | Unset = UNSET
    domain_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        audio_id = self.audio_id

        call_back_url = self.call_back_url

        author = self.author

        domain_name = self.domain_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "audioId": audio_id,
                "callBackUrl": call_back_url,
            }
        )
        if author is not UNSET:
            field_dict["author"] = author
        if domain_name is not UNSET:
            field_dict["domainName"] = domain_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        audio_id = d.pop("audioId")

        call_back_url = d.pop("callBackUrl")

        author = d.pop("author", UNSET)

        domain_name = d.pop("domainName", UNSET)

        create_music_video_request = cls(
            task_id=task_id,
            audio_id=audio_id,
            call_back_url=call_back_url,
            author=author,
            domain_name=domain_name,
        )

        create_music_video_request.additional_properties = d
        return create_music_video_request

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
