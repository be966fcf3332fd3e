from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateInstrumentalRequest")


@_attrs_define
class GenerateInstrumentalRequest:
    """Body of POST /suno/music/generate-instrumental.

    Attributes:
        tags (str): Style of the instrumental; separate different styles with commas.
        title (str | Unset): Instrumental title (optional on this page).
        negative_tags (str | Unset): Elements that won't appear in the instrumental.
        model (Model | Unset): Generation model. Default `v3.5`; "currently only v3.5 models are supported, other models
            are in the process of being accessed" (Generate Music page).
    """

    tags: str
    title: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    model: Model | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tags = self.tags

        title = self.title

        negative_tags = self.negative_tags

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tags": tags,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tags = d.pop("tags")

        title = d.pop("title", UNSET)

        negative_tags = d.pop("negative_tags", UNSET)

        _model = d.pop("model", UNSET)
        model: Model | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = Model(_model)

        generate_instrumental_request = cls(
            tags=tags,
            title=title,
            negative_tags=negative_tags,
            model=model,
        )

        generate_instrumental_request.additional_properties = d
        return generate_instrumental_request

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
