from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonaResponse")


@_attrs_define
class PersonaResponse:
    """The persona Suno made (no envelope).

    Attributes:
        id (str): The persona_id.
        name (None | str | Unset):
        description (None | str | Unset):
        image_s3_id (None | str | Unset):
        root_clip_id (None | str | Unset):
        clip (Any | Unset): The root clip (Suno's clip object).
        user_display_name (None | str | Unset):
        user_handle (None | str | Unset):
        user_image_url (None | str | Unset):
        persona_clips (list[Any] | None | Unset):
        is_public (bool | None | Unset):
    """

    id: str
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    image_s3_id: None | str | Unset = UNSET
    root_clip_id: None | str | Unset = UNSET
    clip: Any | Unset = UNSET
    user_display_name: None | str | Unset = UNSET
    user_handle: None | str | Unset = UNSET
    user_image_url: None | str | Unset = UNSET
    persona_clips: list[Any] | None | Unset = UNSET
    is_public: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        image_s3_id: None | str | Unset
        if isinstance(self.image_s3_id, Unset):
            image_s3_id = UNSET
        else:
            image_s3_id = self.image_s3_id

        root_clip_id: None | str | Unset
        if isinstance(self.root_clip_id, Unset):
            root_clip_id = UNSET
        else:
            root_clip_id = self.root_clip_id

        clip = self.clip

        user_display_name: None | str | Unset
        if isinstance(self.user_display_name, Unset):
            user_display_name = UNSET
        else:
            user_display_name = self.user_display_name

        user_handle: None | str | Unset
        if isinstance(self.user_handle, Unset):
            user_handle = UNSET
        else:
            user_handle = self.user_handle

        user_image_url: None | str | Unset
        if isinstance(self.user_image_url, Unset):
            user_image_url = UNSET
        else:
            user_image_url = self.user_image_url

        persona_clips: list[Any] | None | Unset
        if isinstance(self.persona_clips, Unset):
            persona_clips = UNSET
        elif isinstance(self.persona_clips, list):
            persona_clips = self.persona_clips

        else:
            persona_clips = self.persona_clips

        is_public: bool | None | Unset
        if isinstance(self.is_public, Unset):
            is_public = UNSET
        else:
            is_public = self.is_public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if image_s3_id is not UNSET:
            field_dict["image_s3_id"] = image_s3_id
        if root_clip_id is not UNSET:
            field_dict["root_clip_id"] = root_clip_id
        if clip is not UNSET:
            field_dict["clip"] = clip
        if user_display_name is not UNSET:
            field_dict["user_display_name"] = user_display_name
        if user_handle is not UNSET:
            field_dict["user_handle"] = user_handle
        if user_image_url is not UNSET:
            field_dict["user_image_url"] = user_image_url
        if persona_clips is not UNSET:
            field_dict["persona_clips"] = persona_clips
        if is_public is not UNSET:
            field_dict["is_public"] = is_public

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_image_s3_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_s3_id = _parse_image_s3_id(d.pop("image_s3_id", UNSET))

        def _parse_root_clip_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        root_clip_id = _parse_root_clip_id(d.pop("root_clip_id", UNSET))

        clip = d.pop("clip", UNSET)

        def _parse_user_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_display_name = _parse_user_display_name(d.pop("user_display_name", UNSET))

        def _parse_user_handle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_handle = _parse_user_handle(d.pop("user_handle", UNSET))

        def _parse_user_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_image_url = _parse_user_image_url(d.pop("user_image_url", UNSET))

        def _parse_persona_clips(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                persona_clips_type_0 = cast(list[Any], data)

                return persona_clips_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        persona_clips = _parse_persona_clips(d.pop("persona_clips", UNSET))

        def _parse_is_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_public = _parse_is_public(d.pop("is_public", UNSET))

        persona_response = cls(
            id=id,
            name=name,
            description=description,
            image_s3_id=image_s3_id,
            root_clip_id=root_clip_id,
            clip=clip,
            user_display_name=user_display_name,
            user_handle=user_handle,
            user_image_url=user_image_url,
            persona_clips=persona_clips,
            is_public=is_public,
        )

        persona_response.additional_properties = d
        return persona_response

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
