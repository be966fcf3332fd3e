from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clip_status import ClipStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Clip")


@_attrs_define
class Clip:
    """One generated clip.

    Attributes:
        continue_clip_id (str | Unset): The clip's id; pass it to extend-music / extend-Instrumental.
        title (None | str | Unset): May be empty.
        status (ClipStatus | Unset): State of one clip; same values as the task (only `complete` is documented).
        audio_url (None | str | Unset): Audio file URL (a live stream while streaming
        image_url (None | str | Unset):
        video_url (None | str | Unset): Empty until the clip is complete.
        image_large_url (None | str | Unset):
        duration (float | None | str | Unset): Seconds; the string "240" in the docs, a number in other Suno wrappers,
            null until known.
        created_at (int | None | str | Unset): When the clip was created. Name inferred (the page text is cut off after
            "created"); ISO string or integer timestamp.
    """

    continue_clip_id: str | Unset = UNSET
    title: None | str | Unset = UNSET
    status: ClipStatus | Unset = UNSET
    audio_url: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    image_large_url: None | str | Unset = UNSET
    duration: float | None | str | Unset = UNSET
    created_at: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        continue_clip_id = self.continue_clip_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        image_large_url: None | str | Unset
        if isinstance(self.image_large_url, Unset):
            image_large_url = UNSET
        else:
            image_large_url = self.image_large_url

        duration: float | None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        created_at: int | None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if continue_clip_id is not UNSET:
            field_dict["continue_clip_id"] = continue_clip_id
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if image_large_url is not UNSET:
            field_dict["image_large_url"] = image_large_url
        if duration is not UNSET:
            field_dict["duration"] = duration
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        continue_clip_id = d.pop("continue_clip_id", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _status = d.pop("status", UNSET)
        status: ClipStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ClipStatus(_status)

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audio_url", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_image_large_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_large_url = _parse_image_large_url(d.pop("image_large_url", UNSET))

        def _parse_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_created_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        clip = cls(
            continue_clip_id=continue_clip_id,
            title=title,
            status=status,
            audio_url=audio_url,
            image_url=image_url,
            video_url=video_url,
            image_large_url=image_large_url,
            duration=duration,
            created_at=created_at,
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
