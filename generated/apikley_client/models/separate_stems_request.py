from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stem_separation_type import StemSeparationType

T = TypeVar("T", bound="SeparateStemsRequest")


@_attrs_define
class SeparateStemsRequest:
    """Body of POST /api/v1/vocal-removal/generate (Separate Vocals).

    Attributes:
        task_id (str): The music generation task that holds the track.
        audio_id (str): The track to separate.
        type_ (StemSeparationType): What to separate.
        call_back_url (str): Receives the single callback with the stem URLs.
    """

    task_id: str
    audio_id: str
    type_: StemSeparationType
    call_back_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        audio_id = self.audio_id

        type_ = self.type_.value

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "audioId": audio_id,
                "type": type_,
                "callBackUrl": call_back_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        audio_id = d.pop("audioId")

        type_ = StemSeparationType(d.pop("type"))

        call_back_url = d.pop("callBackUrl")

        separate_stems_request = cls(
            task_id=task_id,
            audio_id=audio_id,
            type_=type_,
            call_back_url=call_back_url,
        )

        separate_stems_request.additional_properties = d
        return separate_stems_request

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
