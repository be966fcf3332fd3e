from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncTaskMeta")


@_attrs_define
class AsyncTaskMeta:
    """Operational metadata of newer gateways.

    Attributes:
        execution_status (None | str | Unset):
        worker_id (None | str | Unset):
        attempt (int | None | Unset):
        request_sent_at (int | None | Unset):
        error_phase (None | str | Unset):
        error_code (None | str | Unset):
        billing_status (None | str | Unset):
    """

    execution_status: None | str | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    attempt: int | None | Unset = UNSET
    request_sent_at: int | None | Unset = UNSET
    error_phase: None | str | Unset = UNSET
    error_code: None | str | Unset = UNSET
    billing_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_status: None | str | Unset
        if isinstance(self.execution_status, Unset):
            execution_status = UNSET
        else:
            execution_status = self.execution_status

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        attempt: int | None | Unset
        if isinstance(self.attempt, Unset):
            attempt = UNSET
        else:
            attempt = self.attempt

        request_sent_at: int | None | Unset
        if isinstance(self.request_sent_at, Unset):
            request_sent_at = UNSET
        else:
            request_sent_at = self.request_sent_at

        error_phase: None | str | Unset
        if isinstance(self.error_phase, Unset):
            error_phase = UNSET
        else:
            error_phase = self.error_phase

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        billing_status: None | str | Unset
        if isinstance(self.billing_status, Unset):
            billing_status = UNSET
        else:
            billing_status = self.billing_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if execution_status is not UNSET:
            field_dict["execution_status"] = execution_status
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if request_sent_at is not UNSET:
            field_dict["request_sent_at"] = request_sent_at
        if error_phase is not UNSET:
            field_dict["error_phase"] = error_phase
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if billing_status is not UNSET:
            field_dict["billing_status"] = billing_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_execution_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_status = _parse_execution_status(d.pop("execution_status", UNSET))

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("worker_id", UNSET))

        def _parse_attempt(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attempt = _parse_attempt(d.pop("attempt", UNSET))

        def _parse_request_sent_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        request_sent_at = _parse_request_sent_at(d.pop("request_sent_at", UNSET))

        def _parse_error_phase(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_phase = _parse_error_phase(d.pop("error_phase", UNSET))

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

        def _parse_billing_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_status = _parse_billing_status(d.pop("billing_status", UNSET))

        async_task_meta = cls(
            execution_status=execution_status,
            worker_id=worker_id,
            attempt=attempt,
            request_sent_at=request_sent_at,
            error_phase=error_phase,
            error_code=error_code,
            billing_status=billing_status,
        )

        async_task_meta.additional_properties = d
        return async_task_meta

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
