from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_response_code import RecoveryResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recovery_track import RecoveryTrack


T = TypeVar("T", bound="RecoveryDetailsResponse")


@_attrs_define
class RecoveryDetailsResponse:
    """
    Attributes:
        code (RecoveryResponseCode): The `code` of Get Recovery Audio Details: both the outcome of the call and the
            state of
            the recovery task (201 running, 200 finished with at least one track, 500 all failed).
        task_id (None | str | Unset): The recovery task id.
        msg (None | str | Unset):
        data (list[RecoveryTrack] | None | Unset):
    """

    code: RecoveryResponseCode
    task_id: None | str | Unset = UNSET
    msg: None | str | Unset = UNSET
    data: list[RecoveryTrack] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        msg: None | str | Unset
        if isinstance(self.msg, Unset):
            msg = UNSET
        else:
            msg = self.msg

        data: list[dict[str, Any]] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)

        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if msg is not UNSET:
            field_dict["msg"] = msg
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recovery_track import RecoveryTrack  # noqa: PLC0415

        d = dict(src_dict)
        code = RecoveryResponseCode(d.pop("code"))

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        msg = _parse_msg(d.pop("msg", UNSET))

        def _parse_data(data: object) -> list[RecoveryTrack] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _data_type_0:
                    data_type_0_item = RecoveryTrack.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RecoveryTrack] | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        recovery_details_response = cls(
            code=code,
            task_id=task_id,
            msg=msg,
            data=data,
        )

        recovery_details_response.additional_properties = d
        return recovery_details_response

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
