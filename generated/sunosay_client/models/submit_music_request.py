from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitMusicRequest")


@_attrs_define
class SubmitMusicRequest:
    """Body of POST /suno/music/generate-music.

    Attributes:
        prompt (str): Lyrics or a description of the song ("Generate lyrics or descriptors for songs"). At most 3000
            characters (the limit the Extend Music page gives for the same kind of field).
        tags (str | Unset): Style tags, different styles separated by commas.
        title (str | Unset): Title of the song.
        model (Model | Unset): Generation model. Default `v3.5`; "currently only v3.5 models are supported, other models
            are in the process of being accessed" (Generate Music page).
    """

    prompt: str
    tags: str | Unset = UNSET
    title: str | Unset = UNSET
    model: Model | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        tags = self.tags

        title = self.title

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title is not UNSET:
            field_dict["title"] = title
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        tags = d.pop("tags", UNSET)

        title = d.pop("title", UNSET)

        _model = d.pop("model", UNSET)
        model: Model | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = Model(_model)

        submit_music_request = cls(
            prompt=prompt,
            tags=tags,
            title=title,
            model=model,
        )

        submit_music_request.additional_properties = d
        return submit_music_request

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
