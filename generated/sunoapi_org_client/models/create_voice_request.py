from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.singer_skill_level import SingerSkillLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateVoiceRequest")


@_attrs_define
class CreateVoiceRequest:
    """Body of POST /api/v1/voice/generate (Suno Voice - create custom voice).

    Attributes:
        task_id (str): The validation task whose phrase was recorded.
        verify_url (str): The user's recording of the verification phrase (singing recommended).
        voice_name (str | Unset):
        description (str | Unset):
        style (str | Unset):
        singer_skill_level (SingerSkillLevel | Unset):  Default: SingerSkillLevel.BEGINNER.
        call_back_url (str | Unset):
    """

    task_id: str
    verify_url: str
    voice_name: str | Unset = UNSET
    description: str | Unset = UNSET
    style: str | Unset = UNSET
    singer_skill_level: SingerSkillLevel | Unset = SingerSkillLevel.BEGINNER
    call_back_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        verify_url = self.verify_url

        voice_name = self.voice_name

        description = self.description

        style = self.style

        singer_skill_level: str | Unset = UNSET
        if not isinstance(self.singer_skill_level, Unset):
            singer_skill_level = self.singer_skill_level.value

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "verifyUrl": verify_url,
            }
        )
        if voice_name is not UNSET:
            field_dict["voiceName"] = voice_name
        if description is not UNSET:
            field_dict["description"] = description
        if style is not UNSET:
            field_dict["style"] = style
        if singer_skill_level is not UNSET:
            field_dict["singerSkillLevel"] = singer_skill_level
        if call_back_url is not UNSET:
            field_dict["callBackUrl"] = call_back_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        verify_url = d.pop("verifyUrl")

        voice_name = d.pop("voiceName", UNSET)

        description = d.pop("description", UNSET)

        style = d.pop("style", UNSET)

        _singer_skill_level = d.pop("singerSkillLevel", UNSET)
        singer_skill_level: SingerSkillLevel | Unset
        if isinstance(_singer_skill_level, Unset):
            singer_skill_level = UNSET
        else:
            singer_skill_level = SingerSkillLevel(_singer_skill_level)

        call_back_url = d.pop("callBackUrl", UNSET)

        create_voice_request = cls(
            task_id=task_id,
            verify_url=verify_url,
            voice_name=voice_name,
            description=description,
            style=style,
            singer_skill_level=singer_skill_level,
            call_back_url=call_back_url,
        )

        create_voice_request.additional_properties = d
        return create_voice_request

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
