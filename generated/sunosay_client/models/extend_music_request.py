from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtendMusicRequest")


@_attrs_define
class ExtendMusicRequest:
    """Body of POST /suno/music/extend-music.

    Attributes:
        title (str): Music title; reuse the source clip's title to extend smoothly.
        tags (str): Comma-separated styles, e.g. "Symphony, Chamber Music, Symphonic Poem"; reuse the source clip's tags
            to extend smoothly.
        prompt (str): Lyrics or song description, up to 3000 characters.
        continue_clip_id (str): The `continue_clip_id` of a clip from `get_task`.
        continue_at (float | str): Seconds into the source clip where the extension starts. The parameter tables type it
            string, the Extend Instrumental sample sends the number 100; both are accepted. A string must be a non-negative
            decimal number.
        negative_tags (str | Unset): Elements that won't appear in the music.
        model (Model | Unset): Generation model. Default `v3.5`; "currently only v3.5 models are supported, other models
            are in the process of being accessed" (Generate Music page).
    """

    title: str
    tags: str
    prompt: str
    continue_clip_id: str
    continue_at: float | str
    negative_tags: str | Unset = UNSET
    model: Model | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        tags = self.tags

        prompt = self.prompt

        continue_clip_id = self.continue_clip_id

        continue_at: float | str
        continue_at = self.continue_at

        negative_tags = self.negative_tags

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "tags": tags,
                "prompt": prompt,
                "continue_clip_id": continue_clip_id,
                "continue_at": continue_at,
            }
        )
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        tags = d.pop("tags")

        prompt = d.pop("prompt")

        continue_clip_id = d.pop("continue_clip_id")

        def _parse_continue_at(data: object) -> float | str:
            return cast(float | str, data)

        continue_at = _parse_continue_at(d.pop("continue_at"))

        negative_tags = d.pop("negative_tags", UNSET)

        _model = d.pop("model", UNSET)
        model: Model | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = Model(_model)

        extend_music_request = cls(
            title=title,
            tags=tags,
            prompt=prompt,
            continue_clip_id=continue_clip_id,
            continue_at=continue_at,
            negative_tags=negative_tags,
            model=model,
        )

        extend_music_request.additional_properties = d
        return extend_music_request

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
