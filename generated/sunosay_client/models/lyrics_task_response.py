from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lyrics_task_status import LyricsTaskStatus
from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_lyrics import TaskLyrics
    from ..models.task_prompt import TaskPrompt


T = TypeVar("T", bound="LyricsTaskResponse")


@_attrs_define
class LyricsTaskResponse:
    """Answer of the lyrics get-task, for success and failure alike.

    Attributes:
        code (ResponseCode): Outcome of a call (the `code` of every envelope). Only 200 is documented ("200 means
            success, other status values mean failure"); SunoSay publishes no error-code table, so every other value is
            inferred from common HTTP-style usage.
        task_id (None | str | Unset):
        status (LyricsTaskStatus | Unset): State of a lyrics task. Only `complete` is documented; the other values are
            inferred from the Suno lyrics states wrappers pass through (the page's status list was not available).
        prompt (None | TaskPrompt | Unset):
        lyrics (None | TaskLyrics | Unset):
        message (None | str | Unset): "ok!", or the failure reason.
    """

    code: ResponseCode
    task_id: None | str | Unset = UNSET
    status: LyricsTaskStatus | Unset = UNSET
    prompt: None | TaskPrompt | Unset = UNSET
    lyrics: None | TaskLyrics | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_lyrics import TaskLyrics  # noqa: PLC0415
        from ..models.task_prompt import TaskPrompt  # noqa: PLC0415

        code = self.code.value

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        prompt: dict[str, Any] | None | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        elif isinstance(self.prompt, TaskPrompt):
            prompt = self.prompt.to_dict()
        else:
            prompt = self.prompt

        lyrics: dict[str, Any] | None | Unset
        if isinstance(self.lyrics, Unset):
            lyrics = UNSET
        elif isinstance(self.lyrics, TaskLyrics):
            lyrics = self.lyrics.to_dict()
        else:
            lyrics = self.lyrics

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if status is not UNSET:
            field_dict["status"] = status
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if lyrics is not UNSET:
            field_dict["lyrics"] = lyrics
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_lyrics import TaskLyrics  # noqa: PLC0415
        from ..models.task_prompt import TaskPrompt  # noqa: PLC0415

        d = dict(src_dict)
        code = ResponseCode(d.pop("code"))

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        _status = d.pop("status", UNSET)
        status: LyricsTaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LyricsTaskStatus(_status)

        def _parse_prompt(data: object) -> None | TaskPrompt | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_type_0 = TaskPrompt.from_dict(data)

                return prompt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskPrompt | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_lyrics(data: object) -> None | TaskLyrics | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lyrics_type_0 = TaskLyrics.from_dict(data)

                return lyrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskLyrics | Unset, data)

        lyrics = _parse_lyrics(d.pop("lyrics", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        lyrics_task_response = cls(
            code=code,
            task_id=task_id,
            status=status,
            prompt=prompt,
            lyrics=lyrics,
            message=message,
        )

        lyrics_task_response.additional_properties = d
        return lyrics_task_response

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
