from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clip_state import ClipState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Clip")


@_attrs_define
class Clip:
    """One generated clip (get_task and webhook). Extra fields are tolerated.

    Attributes:
        clip_id (str): Clip id; usable as continue_clip_id.
        state (ClipState): State of one clip.
        title (None | str | Unset):
        tags (None | str | Unset):
        lyrics (None | str | Unset):
        image_url (None | str | Unset):
        audio_url (None | str | Unset):
        video_url (None | str | Unset): null in the webhook example.
        created_at (None | str | Unset): ISO timestamp, e.g. "2025-10-12T13:13:02.488Z".
        gpt_description_prompt (None | str | Unset):
        duration (float | None | str | Unset): Seconds; a numeric string in the docs ("104.88"), a number elsewhere,
            null until known.
        negative_tags (None | str | Unset):
        style_weight (float | None | Unset):
        weirdness_constraint (float | None | Unset):
        mv (None | str | Unset): Model that made the clip, e.g. "chirp-v5".
    """

    clip_id: str
    state: ClipState
    title: None | str | Unset = UNSET
    tags: None | str | Unset = UNSET
    lyrics: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    audio_url: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    gpt_description_prompt: None | str | Unset = UNSET
    duration: float | None | str | Unset = UNSET
    negative_tags: None | str | Unset = UNSET
    style_weight: float | None | Unset = UNSET
    weirdness_constraint: float | None | Unset = UNSET
    mv: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clip_id = self.clip_id

        state = self.state.value

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        tags: None | str | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        else:
            tags = self.tags

        lyrics: None | str | Unset
        if isinstance(self.lyrics, Unset):
            lyrics = UNSET
        else:
            lyrics = self.lyrics

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        gpt_description_prompt: None | str | Unset
        if isinstance(self.gpt_description_prompt, Unset):
            gpt_description_prompt = UNSET
        else:
            gpt_description_prompt = self.gpt_description_prompt

        duration: float | None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        negative_tags: None | str | Unset
        if isinstance(self.negative_tags, Unset):
            negative_tags = UNSET
        else:
            negative_tags = self.negative_tags

        style_weight: float | None | Unset
        if isinstance(self.style_weight, Unset):
            style_weight = UNSET
        else:
            style_weight = self.style_weight

        weirdness_constraint: float | None | Unset
        if isinstance(self.weirdness_constraint, Unset):
            weirdness_constraint = UNSET
        else:
            weirdness_constraint = self.weirdness_constraint

        mv: None | str | Unset
        if isinstance(self.mv, Unset):
            mv = UNSET
        else:
            mv = self.mv

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clip_id": clip_id,
                "state": state,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if tags is not UNSET:
            field_dict["tags"] = tags
        if lyrics is not UNSET:
            field_dict["lyrics"] = lyrics
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if gpt_description_prompt is not UNSET:
            field_dict["gpt_description_prompt"] = gpt_description_prompt
        if duration is not UNSET:
            field_dict["duration"] = duration
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if style_weight is not UNSET:
            field_dict["style_weight"] = style_weight
        if weirdness_constraint is not UNSET:
            field_dict["weirdness_constraint"] = weirdness_constraint
        if mv is not UNSET:
            field_dict["mv"] = mv

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clip_id = d.pop("clip_id")

        state = ClipState(d.pop("state"))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_tags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_lyrics(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lyrics = _parse_lyrics(d.pop("lyrics", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audio_url", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_gpt_description_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gpt_description_prompt = _parse_gpt_description_prompt(d.pop("gpt_description_prompt", UNSET))

        def _parse_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_negative_tags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        negative_tags = _parse_negative_tags(d.pop("negative_tags", UNSET))

        def _parse_style_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        style_weight = _parse_style_weight(d.pop("style_weight", UNSET))

        def _parse_weirdness_constraint(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weirdness_constraint = _parse_weirdness_constraint(d.pop("weirdness_constraint", UNSET))

        def _parse_mv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mv = _parse_mv(d.pop("mv", UNSET))

        clip = cls(
            clip_id=clip_id,
            state=state,
            title=title,
            tags=tags,
            lyrics=lyrics,
            image_url=image_url,
            audio_url=audio_url,
            video_url=video_url,
            created_at=created_at,
            gpt_description_prompt=gpt_description_prompt,
            duration=duration,
            negative_tags=negative_tags,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            mv=mv,
        )

        clip.additional_properties = d
        return clip

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
