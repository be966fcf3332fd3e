from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cover_image_task_state import CoverImageTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cover_image_result import CoverImageResult


T = TypeVar("T", bound="CoverImageRecord")


@_attrs_define
class CoverImageRecord:
    """
    Attributes:
        task_id (str):
        success_flag (CoverImageTaskState): State of a cover image task (`successFlag`), as the names Apikley's details
            page lists
            (SunoAPI.org and kie.ai document the integers 0-3).
        parent_task_id (None | str | Unset): The music task.
        callback_url (None | str | Unset):
        complete_time (int | None | str | Unset):
        response (CoverImageResult | None | Unset):
        create_time (int | None | str | Unset):
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
    """

    task_id: str
    success_flag: CoverImageTaskState
    parent_task_id: None | str | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    complete_time: int | None | str | Unset = UNSET
    response: CoverImageResult | None | Unset = UNSET
    create_time: int | None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cover_image_result import CoverImageResult  # noqa: PLC0415

        task_id = self.task_id

        success_flag = self.success_flag.value

        parent_task_id: None | str | Unset
        if isinstance(self.parent_task_id, Unset):
            parent_task_id = UNSET
        else:
            parent_task_id = self.parent_task_id

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
        elif isinstance(self.response, CoverImageResult):
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
        if parent_task_id is not UNSET:
            field_dict["parentTaskId"] = parent_task_id
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
        from ..models.cover_image_result import CoverImageResult  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("taskId")

        success_flag = CoverImageTaskState(d.pop("successFlag"))

        def _parse_parent_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_task_id = _parse_parent_task_id(d.pop("parentTaskId", UNSET))

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

        def _parse_response(data: object) -> CoverImageResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0 = CoverImageResult.from_dict(data)

                return response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CoverImageResult | None | Unset, data)

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

        cover_image_record = cls(
            task_id=task_id,
            success_flag=success_flag,
            parent_task_id=parent_task_id,
            callback_url=callback_url,
            complete_time=complete_time,
            response=response,
            create_time=create_time,
            error_code=error_code,
            error_message=error_message,
        )

        cover_image_record.additional_properties = d
        return cover_image_record

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
