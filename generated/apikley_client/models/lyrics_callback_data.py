from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lyrics_callback_type import LyricsCallbackType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lyrics_callback_item import LyricsCallbackItem


T = TypeVar("T", bound="LyricsCallbackData")


@_attrs_define
class LyricsCallbackData:
    """
    Attributes:
        callback_type (LyricsCallbackType): Stage of a lyrics callback.
        task_id (str | Unset): snake_case (kie.ai format)
        data (list[LyricsCallbackItem] | None | Unset):
    """

    callback_type: LyricsCallbackType
    task_id: str | Unset = UNSET
    data: list[LyricsCallbackItem] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        callback_type = self.callback_type.value

        task_id = self.task_id

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
                "callbackType": callback_type,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lyrics_callback_item import LyricsCallbackItem  # noqa: PLC0415

        d = dict(src_dict)
        callback_type = LyricsCallbackType(d.pop("callbackType"))

        task_id = d.pop("task_id", UNSET)

        def _parse_data(data: object) -> list[LyricsCallbackItem] | None | Unset:
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
                    data_type_0_item = LyricsCallbackItem.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LyricsCallbackItem] | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        lyrics_callback_data = cls(
            callback_type=callback_type,
            task_id=task_id,
            data=data,
        )

        lyrics_callback_data.additional_properties = d
        return lyrics_callback_data

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
