from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lyrics_task_status import LyricsTaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lyrics_result import LyricsResult


T = TypeVar("T", bound="LyricsRecord")


@_attrs_define
class LyricsRecord:
    """
    Attributes:
        task_id (str):
        status (LyricsTaskStatus): State of a lyrics task.
        param (None | str | Unset): The original request as a JSON string.
        response (LyricsResult | None | Unset):
        type_ (None | str | Unset): "LYRICS".
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
    """

    task_id: str
    status: LyricsTaskStatus
    param: None | str | Unset = UNSET
    response: LyricsResult | None | Unset = UNSET
    type_: None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lyrics_result import LyricsResult  # noqa: PLC0415

        task_id = self.task_id

        status = self.status.value

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, LyricsResult):
            response = self.response.to_dict()
        else:
            response = self.response

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

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
                "status": status,
            }
        )
        if param is not UNSET:
            field_dict["param"] = param
        if response is not UNSET:
            field_dict["response"] = response
        if type_ is not UNSET:
            field_dict["type"] = type_
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lyrics_result import LyricsResult  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("taskId")

        status = LyricsTaskStatus(d.pop("status"))

        def _parse_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        param = _parse_param(d.pop("param", UNSET))

        def _parse_response(data: object) -> LyricsResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0 = LyricsResult.from_dict(data)

                return response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LyricsResult | None | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

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

        lyrics_record = cls(
            task_id=task_id,
            status=status,
            param=param,
            response=response,
            type_=type_,
            error_code=error_code,
            error_message=error_message,
        )

        lyrics_record.additional_properties = d
        return lyrics_record

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
