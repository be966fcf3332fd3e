from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.midi_task_state import MidiTaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.midi_data import MidiData


T = TypeVar("T", bound="MidiRecord")


@_attrs_define
class MidiRecord:
    """
    Attributes:
        task_id (str):
        success_flag (MidiTaskState): State of a MIDI task (`successFlag`; 3 from kie.ai, Apikley's page is cut there).
        record_task_id (int | None | str | Unset):
        audio_id (None | str | Unset):
        callback_url (None | str | Unset):
        complete_time (int | None | str | Unset):
        midi_data (MidiData | None | Unset):
        create_time (int | None | str | Unset):
        error_code (float | None | str | Unset):
        error_message (None | str | Unset):
    """

    task_id: str
    success_flag: MidiTaskState
    record_task_id: int | None | str | Unset = UNSET
    audio_id: None | str | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    complete_time: int | None | str | Unset = UNSET
    midi_data: MidiData | None | Unset = UNSET
    create_time: int | None | str | Unset = UNSET
    error_code: float | None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.midi_data import MidiData  # noqa: PLC0415

        task_id = self.task_id

        success_flag = self.success_flag.value

        record_task_id: int | None | str | Unset
        if isinstance(self.record_task_id, Unset):
            record_task_id = UNSET
        else:
            record_task_id = self.record_task_id

        audio_id: None | str | Unset
        if isinstance(self.audio_id, Unset):
            audio_id = UNSET
        else:
            audio_id = self.audio_id

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        complete_time: int | None | str | Unset
        if isinstance(self.complete_time, Unset):
            complete_time = UNSET
        else:
            complete_time = self.complete_time

        midi_data: dict[str, Any] | None | Unset
        if isinstance(self.midi_data, Unset):
            midi_data = UNSET
        elif isinstance(self.midi_data, MidiData):
            midi_data = self.midi_data.to_dict()
        else:
            midi_data = self.midi_data

        create_time: int | None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        else:
            create_time = self.create_time

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
                "successFlag": success_flag,
            }
        )
        if record_task_id is not UNSET:
            field_dict["recordTaskId"] = record_task_id
        if audio_id is not UNSET:
            field_dict["audioId"] = audio_id
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if complete_time is not UNSET:
            field_dict["completeTime"] = complete_time
        if midi_data is not UNSET:
            field_dict["midiData"] = midi_data
        if create_time is not UNSET:
            field_dict["createTime"] = create_time
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.midi_data import MidiData  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("taskId")

        success_flag = MidiTaskState(d.pop("successFlag"))

        def _parse_record_task_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        record_task_id = _parse_record_task_id(d.pop("recordTaskId", UNSET))

        def _parse_audio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_id = _parse_audio_id(d.pop("audioId", UNSET))

        def _parse_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callbackUrl", UNSET))

        def _parse_complete_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        complete_time = _parse_complete_time(d.pop("completeTime", UNSET))

        def _parse_midi_data(data: object) -> MidiData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                midi_data_type_0 = MidiData.from_dict(data)

                return midi_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MidiData | None | Unset, data)

        midi_data = _parse_midi_data(d.pop("midiData", UNSET))

        def _parse_create_time(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        create_time = _parse_create_time(d.pop("createTime", UNSET))

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

        midi_record = cls(
            task_id=task_id,
            success_flag=success_flag,
            record_task_id=record_task_id,
            audio_id=audio_id,
            callback_url=callback_url,
            complete_time=complete_time,
            midi_data=midi_data,
            create_time=create_time,
            error_code=error_code,
            error_message=error_message,
        )

        midi_record.additional_properties = d
        return midi_record

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
