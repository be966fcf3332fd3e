from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BoostStyleResult")


@_attrs_define
class BoostStyleResult:
    """
    Attributes:
        task_id (None | str | Unset):
        param (None | str | Unset): The request as a JSON string.
        result (None | str | Unset): The boosted style text.
        credits_consumed (float | None | Unset): At most 5 digits with 2 decimal places.
        credits_remaining (float | None | Unset):
        success_flag (int | None | str | Unset): "0" pending, "1" success, "2" failed (documented as a string).
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
        create_time (int | None | str | Unset):
    """

    task_id: None | str | Unset = UNSET
    param: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    credits_consumed: float | None | Unset = UNSET
    credits_remaining: float | None | Unset = UNSET
    success_flag: int | None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    create_time: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        credits_consumed: float | None | Unset
        if isinstance(self.credits_consumed, Unset):
            credits_consumed = UNSET
        else:
            credits_consumed = self.credits_consumed

        credits_remaining: float | None | Unset
        if isinstance(self.credits_remaining, Unset):
            credits_remaining = UNSET
        else:
            credits_remaining = self.credits_remaining

        success_flag: int | None | str | Unset
        if isinstance(self.success_flag, Unset):
            success_flag = UNSET
        else:
            success_flag = self.success_flag

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

        create_time: int | None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        else:
            create_time = self.create_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["taskId"] = task_id
        if param is not UNSET:
            field_dict["param"] = param
        if result is not UNSET:
            field_dict["result"] = result
        if credits_consumed is not UNSET:
            field_dict["creditsConsumed"] = credits_consumed
        if credits_remaining is not UNSET:
            field_dict["creditsRemaining"] = credits_remaining
        if success_flag is not UNSET:
            field_dict["successFlag"] = success_flag
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if create_time is not UNSET:
            field_dict["createTime"] = create_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("taskId", UNSET))

        def _parse_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        param = _parse_param(d.pop("param", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_credits_consumed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        credits_consumed = _parse_credits_consumed(d.pop("creditsConsumed", UNSET))

        def _parse_credits_remaining(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        credits_remaining = _parse_credits_remaining(d.pop("creditsRemaining", UNSET))

        def _parse_success_flag(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        success_flag = _parse_success_flag(d.pop("successFlag", UNSET))

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

        def _parse_create_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        create_time = _parse_create_time(d.pop("createTime", UNSET))

        boost_style_result = cls(
            task_id=task_id,
            param=param,
            result=result,
            credits_consumed=credits_consumed,
            credits_remaining=credits_remaining,
            success_flag=success_flag,
            error_code=error_code,
            error_message=error_message,
            create_time=create_time,
        )

        boost_style_result.additional_properties = d
        return boost_style_result

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
