from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_id_data import TaskIdData


T = TypeVar("T", bound="CreateAccepted")


@_attrs_define
class CreateAccepted:
    """A create's answer in either documented shape (see Reading choices): `{message,
    task_id}` (current pages, no code) or `{code, data: {task_id}, message}` (the first
    create page). The id is read at `task_id`, else at `data.task_id`
    (x-sunokit-job-id); an answer with neither is an error.

        Attributes:
            code (ResponseCode | Unset): The `code` of every envelope; equals the HTTP status of the response.
            message (None | str | Unset): "success" on success.
            task_id (str | Unset): The task id (current pages).
            data (None | TaskIdData | Unset):
    """

    code: ResponseCode | Unset = UNSET
    message: None | str | Unset = UNSET
    task_id: str | Unset = UNSET
    data: None | TaskIdData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_id_data import TaskIdData  # noqa: PLC0415

        code: int | Unset = UNSET
        if not isinstance(self.code, Unset):
            code = self.code.value

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        task_id = self.task_id

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, TaskIdData):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_id_data import TaskIdData  # noqa: PLC0415

        d = dict(src_dict)
        _code = d.pop("code", UNSET)
        code: ResponseCode | Unset
        if isinstance(_code, Unset):
            code = UNSET
        else:
            code = ResponseCode(_code)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        task_id = d.pop("task_id", UNSET)

        def _parse_data(data: object) -> None | TaskIdData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = TaskIdData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskIdData | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        create_accepted = cls(
            code=code,
            message=message,
            task_id=task_id,
            data=data,
        )

        create_accepted.additional_properties = d
        return create_accepted

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
