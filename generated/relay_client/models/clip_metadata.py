from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClipMetadata")


@_attrs_define
class ClipMetadata:
    """Suno's metadata of one clip. Everything may be null or missing.

    Attributes:
        tags (None | str | Unset):
        prompt (None | str | Unset): Lyrics used.
        gpt_description_prompt (None | str | Unset):
        audio_prompt_id (None | str | Unset):
        history (Any | Unset): null, or for extensions the list of source clips ({id, continue_at, type, source, ...}).
        concat_history (Any | Unset): null, or the list of concatenated clips.
        type_ (None | str | Unset): e.g. "gen", "concat", "upload".
        duration (float | None | str | Unset): Seconds; missing or null until the clip is complete; sometimes a numeric
            string.
        refund_credits (bool | None | Unset):
        stream (bool | None | Unset):
        error_type (None | str | Unset):
        error_message (None | str | Unset): Becomes the task's fail_reason on failure.
    """

    tags: None | str | Unset = UNSET
    prompt: None | str | Unset = UNSET
    gpt_description_prompt: None | str | Unset = UNSET
    audio_prompt_id: None | str | Unset = UNSET
    history: Any | Unset = UNSET
    concat_history: Any | Unset = UNSET
    type_: None | str | Unset = UNSET
    duration: float | None | str | Unset = UNSET
    refund_credits: bool | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    error_type: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tags: None | str | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        else:
            tags = self.tags

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt

        gpt_description_prompt: None | str | Unset
        if isinstance(self.gpt_description_prompt, Unset):
            gpt_description_prompt = UNSET
        else:
            gpt_description_prompt = self.gpt_description_prompt

        audio_prompt_id: None | str | Unset
        if isinstance(self.audio_prompt_id, Unset):
            audio_prompt_id = UNSET
        else:
            audio_prompt_id = self.audio_prompt_id

        history = self.history

        concat_history = self.concat_history

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        duration: float | None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        refund_credits: bool | None | Unset
        if isinstance(self.refund_credits, Unset):
            refund_credits = UNSET
        else:
            refund_credits = self.refund_credits

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        error_type: None | str | Unset
        if isinstance(self.error_type, Unset):
            error_type = UNSET
        else:
            error_type = self.error_type

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tags is not UNSET:
            field_dict["tags"] = tags
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if gpt_description_prompt is not UNSET:
            field_dict["gpt_description_prompt"] = gpt_description_prompt
        if audio_prompt_id is not UNSET:
            field_dict["audio_prompt_id"] = audio_prompt_id
        if history is not UNSET:
            field_dict["history"] = history
        if concat_history is not UNSET:
            field_dict["concat_history"] = concat_history
        if type_ is not UNSET:
            field_dict["type"] = type_
        if duration is not UNSET:
            field_dict["duration"] = duration
        if refund_credits is not UNSET:
            field_dict["refund_credits"] = refund_credits
        if stream is not UNSET:
            field_dict["stream"] = stream
        if error_type is not UNSET:
            field_dict["error_type"] = error_type
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_tags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_gpt_description_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gpt_description_prompt = _parse_gpt_description_prompt(d.pop("gpt_description_prompt", UNSET))

        def _parse_audio_prompt_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_prompt_id = _parse_audio_prompt_id(d.pop("audio_prompt_id", UNSET))

        history = d.pop("history", UNSET)

        concat_history = d.pop("concat_history", UNSET)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_refund_credits(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        refund_credits = _parse_refund_credits(d.pop("refund_credits", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        def _parse_error_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_type = _parse_error_type(d.pop("error_type", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        clip_metadata = cls(
            tags=tags,
            prompt=prompt,
            gpt_description_prompt=gpt_description_prompt,
            audio_prompt_id=audio_prompt_id,
            history=history,
            concat_history=concat_history,
            type_=type_,
            duration=duration,
            refund_credits=refund_credits,
            stream=stream,
            error_type=error_type,
            error_message=error_message,
        )

        clip_metadata.additional_properties = d
        return clip_metadata

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
