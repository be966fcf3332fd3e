from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidateVoiceRequest")


@_attrs_define
class ValidateVoiceRequest:
    """Body of POST /api/v1/voice/validate (Suno Voice - generate verification phrase).

    Attributes:
        voice_url (str): Publicly reachable recording of the voice.
        vocal_start_s (int): Start of the vocal part
        vocal_end_s (int): End of the vocal part
        language (str | Unset): Language of the phrase, e.g. en, zh, es, fr, pt, de, ja, ko, hi, ru (listed in the text,
            no enum).
        call_back_url (str | Unset): Called when the phrase is ready (wait_validating) or the task failed.
    """

    voice_url: str
    vocal_start_s: int
    vocal_end_s: int
    language: str | Unset = UNSET
    call_back_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voice_url = self.voice_url

        vocal_start_s = self.vocal_start_s

        vocal_end_s = self.vocal_end_s

        language = self.language

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "voiceUrl": voice_url,
                "vocalStartS": vocal_start_s,
                "vocalEndS": vocal_end_s,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if call_back_url is not UNSET:
            field_dict["callBackUrl"] = call_back_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        voice_url = d.pop("voiceUrl")

        vocal_start_s = d.pop("vocalStartS")

        vocal_end_s = d.pop("vocalEndS")

        language = d.pop("language", UNSET)

        call_back_url = d.pop("callBackUrl", UNSET)

        validate_voice_request = cls(
            voice_url=voice_url,
            vocal_start_s=vocal_start_s,
            vocal_end_s=vocal_end_s,
            language=language,
            call_back_url=call_back_url,
        )

        validate_voice_request.additional_properties = d
        return validate_voice_request

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
