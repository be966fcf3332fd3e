from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonaRequest")


@_attrs_define
class PersonaRequest:
    """Body of create_persona (contract chosen in Reading choices).

    Attributes:
        name (str): Name of the persona; less than 80 characters (sibling error row).
        description (str): Style of the persona; less than 120 characters (error table).
        continue_clip_id (str): The clip whose singer becomes the persona.
    """

    name: str
    description: str
    continue_clip_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        continue_clip_id = self.continue_clip_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "continue_clip_id": continue_clip_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        continue_clip_id = d.pop("continue_clip_id")

        persona_request = cls(
            name=name,
            description=description,
            continue_clip_id=continue_clip_id,
        )

        persona_request.additional_properties = d
        return persona_request

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
