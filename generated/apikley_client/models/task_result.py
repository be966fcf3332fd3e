from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.track import Track


T = TypeVar("T", bound="TaskResult")


@_attrs_define
class TaskResult:
    """
    Attributes:
        task_id (str | Unset):
        suno_data (list[Track] | Unset):
    """

    task_id: str | Unset = UNSET
    suno_data: list[Track] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        suno_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.suno_data, Unset):
            suno_data = []
            for suno_data_item_data in self.suno_data:
                suno_data_item = suno_data_item_data.to_dict()
                suno_data.append(suno_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["taskId"] = task_id
        if suno_data is not UNSET:
            field_dict["sunoData"] = suno_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.track import Track  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("taskId", UNSET)

        _suno_data = d.pop("sunoData", UNSET)
        suno_data: list[Track] | Unset = UNSET
        if _suno_data is not UNSET:
            suno_data = []
            for suno_data_item_data in _suno_data:
                suno_data_item = Track.from_dict(suno_data_item_data)

                suno_data.append(suno_data_item)

        task_result = cls(
            task_id=task_id,
            suno_data=suno_data,
        )

        task_result.additional_properties = d
        return task_result

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
