from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TimestampedLyricsRequest")


@_attrs_define
class TimestampedLyricsRequest:
    """Body of POST /api/v1/generate/get-timestamped-lyrics.

    Attributes:
        task_id (str): The Generate or Extend Music task.
        audio_id (str): The track.
    """

    task_id: str
    audio_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        audio_id = self.audio_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "audioId": audio_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        audio_id = d.pop("audioId")

        timestamped_lyrics_request = cls(
            task_id=task_id,
            audio_id=audio_id,
        )

        timestamped_lyrics_request.additional_properties = d
        return timestamped_lyrics_request

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
