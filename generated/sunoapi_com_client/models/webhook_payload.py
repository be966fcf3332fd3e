from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_code import ResponseCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clip import Clip


T = TypeVar("T", bound="WebhookPayload")


@_attrs_define
class WebhookPayload:
    """Body POSTed to webhook_url at a final state; the same shape as TaskResponse.

    Attributes:
        code (ResponseCode): The `code` of every envelope; equals the HTTP status of the response.
        data (list[Clip]):
        task_id (str | Unset): The task (named by the guide's de-duplication key; not in the captured example).
        platform (str | Unset): "suno", "nuro" or "producer" (named by the de-duplication key; not in the captured
            example).
        message (None | str | Unset):
    """

    code: ResponseCode
    data: list[Clip]
    task_id: str | Unset = UNSET
    platform: str | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        task_id = self.task_id

        platform = self.platform

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
                "data": data,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if platform is not UNSET:
            field_dict["platform"] = platform
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clip import Clip  # noqa: PLC0415

        d = dict(src_dict)
        code = ResponseCode(d.pop("code"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Clip.from_dict(data_item_data)

            data.append(data_item)

        task_id = d.pop("task_id", UNSET)

        platform = d.pop("platform", UNSET)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        webhook_payload = cls(
            code=code,
            data=data,
            task_id=task_id,
            platform=platform,
            message=message,
        )

        webhook_payload.additional_properties = d
        return webhook_payload

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
