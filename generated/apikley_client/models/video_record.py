from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_task_state import VideoTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_result import VideoResult


T = TypeVar("T", bound="VideoRecord")


@_attrs_define
class VideoRecord:
    """
    Attributes:
        task_id (str):
        success_flag (VideoTaskState): State of a music video task (`successFlag`); this page lists no
            CALLBACK_EXCEPTION.
        music_id (None | str | Unset):
        music_index (int | None | Unset): Index of the track in its task (kie.ai example of this page).
        audio_id (None | str | Unset):
        callback_url (None | str | Unset):
        complete_time (int | None | str | Unset):
        response (None | Unset | VideoResult):
        create_time (int | None | str | Unset):
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
    """

    task_id: str
    success_flag: VideoTaskState
    music_id: None | str | Unset = UNSET
    music_index: int | None | Unset = UNSET
    audio_id: None | str | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    complete_time: int | None | str | Unset = UNSET
    response: None | Unset | VideoResult = UNSET
    create_time: int | None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.video_result import VideoResult  # noqa: PLC0415

        task_id = self.task_id

        success_flag = self.success_flag.value

        music_id: None | str | Unset
        if isinstance(self.music_id, Unset):
            music_id = UNSET
        else:
            music_id = self.music_id

        music_index: int | None | Unset
        if isinstance(self.music_index, Unset):
            music_index = UNSET
        else:
            music_index = self.music_index

        audio_id: None | str | Unset
        if isinstance(self.audio_id, Unset):
            audio_id = UNSET
        else:
            audio_id = self.audio_id

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        complete_time: int | None | str | Unset
        if isinstance(self.complete_time, Unset):
            complete_time = UNSET
        else:
            complete_time = self.complete_time

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, VideoResult):
            response = self.response.to_dict()
        else:
            response = self.response

        create_time: int | None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        else:
            create_time = self.create_time

        error_code: float | None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "successFlag": success_flag,
            }
        )
        if music_id is not UNSET:
            field_dict["musicId"] = music_id
        if music_index is not UNSET:
            field_dict["musicIndex"] = music_index
        if audio_id is not UNSET:
            field_dict["audioId"] = audio_id
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if complete_time is not UNSET:
            field_dict["completeTime"] = complete_time
        if response is not UNSET:
            field_dict["response"] = response
        if create_time is not UNSET:
            field_dict["createTime"] = create_time
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_result import VideoResult  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("taskId")

        success_flag = VideoTaskState(d.pop("successFlag"))

        def _parse_music_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        music_id = _parse_music_id(d.pop("musicId", UNSET))

        def _parse_music_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        music_index = _parse_music_index(d.pop("musicIndex", UNSET))

        def _parse_audio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_id = _parse_audio_id(d.pop("audioId", UNSET))

        def _parse_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callbackUrl", UNSET))

        def _parse_complete_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        complete_time = _parse_complete_time(d.pop("completeTime", UNSET))

        def _parse_response(data: object) -> None | Unset | VideoResult:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0 = VideoResult.from_dict(data)

                return response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoResult, data)

        response = _parse_response(d.pop("response", UNSET))

        def _parse_create_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        create_time = _parse_create_time(d.pop("createTime", UNSET))

        def _parse_error_code(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        video_record = cls(
            task_id=task_id,
            success_flag=success_flag,
            music_id=music_id,
            music_index=music_index,
            audio_id=audio_id,
            callback_url=callback_url,
            complete_time=complete_time,
            response=response,
            create_time=create_time,
            error_code=error_code,
            error_message=error_message,
        )

        video_record.additional_properties = d
        return video_record

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
