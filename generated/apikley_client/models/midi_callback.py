from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_callback_code import TaskCallbackCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.midi_data import MidiData


T = TypeVar("T", bound="MidiCallback")


@_attrs_define
class MidiCallback:
    """Body POSTed to the callBackUrl of Generate MIDI (task_id at the top level).

    Attributes:
        code (TaskCallbackCode): Outcome carried by a single-stage callback (WAV, stems, MIDI, cover image, recovery);
            anything but 200 is a failure.
        task_id (str | Unset):
        msg (None | str | Unset):
        data (MidiData | None | Unset):
    """

    code: TaskCallbackCode
    task_id: str | Unset = UNSET
    msg: None | str | Unset = UNSET
    data: MidiData | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.midi_data import MidiData  # noqa: PLC0415

        code = self.code.value

        task_id = self.task_id

        msg: None | str | Unset
        if isinstance(self.msg, Unset):
            msg = UNSET
        else:
            msg = self.msg

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, MidiData):
            data = self.data.to_dict()
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
        from ..models.midi_data import MidiData  # noqa: PLC0415

        d = dict(src_dict)
        code = TaskCallbackCode(d.pop("code"))

        task_id = d.pop("task_id", UNSET)

        def _parse_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        msg = _parse_msg(d.pop("msg", UNSET))

        def _parse_data(data: object) -> MidiData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = MidiData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MidiData | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        midi_callback = cls(
            code=code,
            task_id=task_id,
            msg=msg,
            data=data,
        )

        midi_callback.additional_properties = d
        return midi_callback

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
