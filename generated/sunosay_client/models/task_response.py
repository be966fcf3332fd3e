from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clip import Clip
    from ..models.task_prompt import TaskPrompt


T = TypeVar("T", bound="TaskResponse")


@_attrs_define
class TaskResponse:
    """Answer of get-task, for success and failure alike.

    Attributes:
        code (ResponseCode): Outcome of a call (the `code` of every envelope). Only 200 is documented ("200 means
            success, other status values mean failure"); SunoSay publishes no error-code table, so every other value is
            inferred from common HTTP-style usage.
        task_id (None | str | Unset):
        status (TaskStatus | Unset): State of a task. Only `complete` is documented; the other values are inferred from
            the Suno clip states that wrappers pass through (the page's status list was not available).
        prompt (TaskPrompt | Unset): The prompt used for generation, wrapped in an object (empty for some tasks).
        clips (list[Clip] | Unset):
        message (None | str | Unset): Failure reason or "ok!" (seen on the lyrics get-task page; not shown on the music
            page).
    """

    code: ResponseCode
    task_id: None | str | Unset = UNSET
    status: TaskStatus | Unset = UNSET
    prompt: TaskPrompt | Unset = UNSET
    clips: list[Clip] | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        prompt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt, Unset):
            prompt = self.prompt.to_dict()

        clips: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clips, Unset):
            clips = []
            for clips_item_data in self.clips:
                clips_item = clips_item_data.to_dict()
                clips.append(clips_item)

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
        if clips is not UNSET:
            field_dict["clips"] = clips
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clip import Clip  # noqa: PLC0415
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
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        _prompt = d.pop("prompt", UNSET)
        prompt: TaskPrompt | Unset
        if isinstance(_prompt, Unset):
            prompt = UNSET
        else:
            prompt = TaskPrompt.from_dict(_prompt)

        _clips = d.pop("clips", UNSET)
        clips: list[Clip] | Unset = UNSET
        if _clips is not UNSET:
            clips = []
            for clips_item_data in _clips:
                clips_item = Clip.from_dict(clips_item_data)

                clips.append(clips_item)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        task_response = cls(
            code=code,
            task_id=task_id,
            status=status,
            prompt=prompt,
            clips=clips,
            message=message,
        )

        task_response.additional_properties = d
        return task_response

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
