from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GeneratePersonaRequest")


@_attrs_define
class GeneratePersonaRequest:
    """Body of POST /api/v1/generate/generate-persona.

    Attributes:
        task_id (str): A complete Generate
        audio_id (str): The track; one persona per track.
        name (str):
        description (str):
    """

    task_id: str
    audio_id: str
    name: str
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        audio_id = self.audio_id

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "audioId": audio_id,
                "name": name,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        audio_id = d.pop("audioId")

        name = d.pop("name")

        description = d.pop("description")

        generate_persona_request = cls(
            task_id=task_id,
            audio_id=audio_id,
            name=name,
            description=description,
        )

        generate_persona_request.additional_properties = d
        return generate_persona_request

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
