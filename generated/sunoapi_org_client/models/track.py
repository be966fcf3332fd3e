from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Track")


@_attrs_define
class Track:
    """One generated track in record-info (camelCase).

    Attributes:
        id (str):
        audio_url (None | str | Unset):
        source_audio_url (None | str | Unset):
        stream_audio_url (None | str | Unset):
        source_stream_audio_url (None | str | Unset):
        image_url (None | str | Unset):
        source_image_url (None | str | Unset):
        prompt (None | str | Unset): Lyrics or prompt.
        model_name (None | str | Unset): Upstream model name, e.g. chirp-v3-5.
        title (None | str | Unset):
        tags (None | str | Unset):
        create_time (int | None | str | Unset): "2025-01-01 00:00:00" in the docs; an integer timestamp in some answers.
        duration (float | None | str | Unset): Seconds; a number
    """

    id: str
    audio_url: None | str | Unset = UNSET
    source_audio_url: None | str | Unset = UNSET
    stream_audio_url: None | str | Unset = UNSET
    source_stream_audio_url: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    source_image_url: None | str | Unset = UNSET
    prompt: None | str | Unset = UNSET
    model_name: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    tags: None | str | Unset = UNSET
    create_time: int | None | str | Unset = UNSET
    duration: float | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        source_audio_url: None | str | Unset
        if isinstance(self.source_audio_url, Unset):
            source_audio_url = UNSET
        else:
            source_audio_url = self.source_audio_url

        stream_audio_url: None | str | Unset
        if isinstance(self.stream_audio_url, Unset):
            stream_audio_url = UNSET
        else:
            stream_audio_url = self.stream_audio_url

        source_stream_audio_url: None | str | Unset
        if isinstance(self.source_stream_audio_url, Unset):
            source_stream_audio_url = UNSET
        else:
            source_stream_audio_url = self.source_stream_audio_url

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        source_image_url: None | str | Unset
        if isinstance(self.source_image_url, Unset):
            source_image_url = UNSET
        else:
            source_image_url = self.source_image_url

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt

        model_name: None | str | Unset
        if isinstance(self.model_name, Unset):
            model_name = UNSET
        else:
            model_name = self.model_name

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

        create_time: int | None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        else:
            create_time = self.create_time

        duration: float | None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if audio_url is not UNSET:
            field_dict["audioUrl"] = audio_url
        if source_audio_url is not UNSET:
            field_dict["sourceAudioUrl"] = source_audio_url
        if stream_audio_url is not UNSET:
            field_dict["streamAudioUrl"] = stream_audio_url
        if source_stream_audio_url is not UNSET:
            field_dict["sourceStreamAudioUrl"] = source_stream_audio_url
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url
        if source_image_url is not UNSET:
            field_dict["sourceImageUrl"] = source_image_url
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if model_name is not UNSET:
            field_dict["modelName"] = model_name
        if title is not UNSET:
            field_dict["title"] = title
        if tags is not UNSET:
            field_dict["tags"] = tags
        if create_time is not UNSET:
            field_dict["createTime"] = create_time
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audioUrl", UNSET))

        def _parse_source_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_audio_url = _parse_source_audio_url(d.pop("sourceAudioUrl", UNSET))

        def _parse_stream_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stream_audio_url = _parse_stream_audio_url(d.pop("streamAudioUrl", UNSET))

        def _parse_source_stream_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_stream_audio_url = _parse_source_stream_audio_url(d.pop("sourceStreamAudioUrl", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("imageUrl", UNSET))

        def _parse_source_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_image_url = _parse_source_image_url(d.pop("sourceImageUrl", UNSET))

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_model_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_name = _parse_model_name(d.pop("modelName", UNSET))

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

        def _parse_create_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        create_time = _parse_create_time(d.pop("createTime", UNSET))

        def _parse_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        track = cls(
            id=id,
            audio_url=audio_url,
            source_audio_url=source_audio_url,
            stream_audio_url=stream_audio_url,
            source_stream_audio_url=source_stream_audio_url,
            image_url=image_url,
            source_image_url=source_image_url,
            prompt=prompt,
            model_name=model_name,
            title=title,
            tags=tags,
            create_time=create_time,
            duration=duration,
        )

        track.additional_properties = d
        return track

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
