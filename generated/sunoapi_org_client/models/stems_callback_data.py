from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stems_callback_info import StemsCallbackInfo


T = TypeVar("T", bound="StemsCallbackData")


@_attrs_define
class StemsCallbackData:
    """
    Attributes:
        task_id (str | Unset):
        vocal_removal_info (None | StemsCallbackInfo | Unset):
    """

    task_id: str | Unset = UNSET
    vocal_removal_info: None | StemsCallbackInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stems_callback_info import StemsCallbackInfo  # noqa: PLC0415

        task_id = self.task_id

        vocal_removal_info: dict[str, Any] | None | Unset
        if isinstance(self.vocal_removal_info, Unset):
            vocal_removal_info = UNSET
        elif isinstance(self.vocal_removal_info, StemsCallbackInfo):
            vocal_removal_info = self.vocal_removal_info.to_dict()
        else:
            vocal_removal_info = self.vocal_removal_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if vocal_removal_info is not UNSET:
            field_dict["vocal_removal_info"] = vocal_removal_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stems_callback_info import StemsCallbackInfo  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("task_id", UNSET)

        def _parse_vocal_removal_info(data: object) -> None | StemsCallbackInfo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vocal_removal_info_type_0 = StemsCallbackInfo.from_dict(data)

                return vocal_removal_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StemsCallbackInfo | Unset, data)

        vocal_removal_info = _parse_vocal_removal_info(d.pop("vocal_removal_info", UNSET))

        stems_callback_data = cls(
            task_id=task_id,
            vocal_removal_info=vocal_removal_info,
        )

        stems_callback_data.additional_properties = d
        return stems_callback_data

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
