from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreatePersonaRequest")


@_attrs_define
class CreatePersonaRequest:
    """Body of POST /suno/persona/create (gateway extension).

    Attributes:
        root_clip_id (str): The clip whose voice the persona takes.
        name (str):
        description (str):
        clips (list[str]): Clips of the persona (usually just root_clip_id).
        is_public (bool):
    """

    root_clip_id: str
    name: str
    description: str
    clips: list[str]
    is_public: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        root_clip_id = self.root_clip_id

        name = self.name

        description = self.description

        clips = self.clips

        is_public = self.is_public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "root_clip_id": root_clip_id,
                "name": name,
                "description": description,
                "clips": clips,
                "is_public": is_public,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        root_clip_id = d.pop("root_clip_id")

        name = d.pop("name")

        description = d.pop("description")

        clips = cast(list[str], d.pop("clips"))

        is_public = d.pop("is_public")

        create_persona_request = cls(
            root_clip_id=root_clip_id,
            name=name,
            description=description,
            clips=clips,
            is_public=is_public,
        )

        create_persona_request.additional_properties = d
        return create_persona_request

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
