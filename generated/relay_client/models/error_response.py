from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_error import GatewayError


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Body of a failed call: the task envelope `{code, message, data: null}` or, for
    authentication and channel-selection failures, `{error: {message, type, code}}`.
    Neither part is required, so both shapes parse.

        Attributes:
            code (ResponseCode | Unset): `code` of every envelope: "success" or an error string. Open set - the gateway
                passes any
                upstream code through with HTTP 500; the list holds every code found in the gateway and
                upstream source.
            message (None | str | Unset):
            data (Any | Unset): null on errors.
            error (GatewayError | Unset): The OpenAI-style error object new-api uses for authentication and channel-
                selection failures.
    """

    code: ResponseCode | Unset = UNSET
    message: None | str | Unset = UNSET
    data: Any | Unset = UNSET
    error: GatewayError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: str | Unset = UNSET
        if not isinstance(self.code, Unset):
            code = self.code.value

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        data = self.data

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if data is not UNSET:
            field_dict["data"] = data
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gateway_error import GatewayError  # noqa: PLC0415

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

        data = d.pop("data", UNSET)

        _error = d.pop("error", UNSET)
        error: GatewayError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = GatewayError.from_dict(_error)

        error_response = cls(
            code=code,
            message=message,
            data=data,
            error=error,
        )

        error_response.additional_properties = d
        return error_response

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
