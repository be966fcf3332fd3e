from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GenerateMidiRequest")


@_attrs_define
class GenerateMidiRequest:
    """Body of POST /api/v1/midi/generate (Generate MIDI from Audio). No `audioId` on Apikley's page.

    Attributes:
        task_id (str): A completed vocal-separation task.
        call_back_url (str): Receives the single callback with the MIDI data.
    """

    task_id: str
    call_back_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskId": task_id,
                "callBackUrl": call_back_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("taskId")

        call_back_url = d.pop("callBackUrl")

        generate_midi_request = cls(
            task_id=task_id,
            call_back_url=call_back_url,
        )

        generate_midi_request.additional_properties = d
        return generate_midi_request

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
