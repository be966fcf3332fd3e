from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sounds_model import SoundsModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateSoundsRequest")


@_attrs_define
class GenerateSoundsRequest:
    """Body of POST /api/v1/generate/sounds.

    Attributes:
        prompt (str): The sound to make
        model (SoundsModel): Model of Generate Sounds.
        sound_loop (bool | Unset): Make a seamless loop. Default: False.
        sound_tempo (int | None | Unset): Tempo in BPM, 1-300; omitted = auto.
        sound_key (str | Unset): Musical key: Any (default) or one of Cm, C#m, ..., B (see x-sunokit-schemas/SoundKey).
            Default: 'Any'.
        grab_lyrics (bool | Unset): Fetch lyric-subtitle data after completion.
        call_back_url (str | Unset): Optional.
    """

    prompt: str
    model: SoundsModel
    sound_loop: bool | Unset = False
    sound_tempo: int | None | Unset = UNSET
    sound_key: str | Unset = "Any"
    grab_lyrics: bool | Unset = UNSET
    call_back_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model = self.model.value

        sound_loop = self.sound_loop

        sound_tempo: int | None | Unset
        if isinstance(self.sound_tempo, Unset):
            sound_tempo = UNSET
        else:
            sound_tempo = self.sound_tempo

        sound_key = self.sound_key

        grab_lyrics = self.grab_lyrics

        call_back_url = self.call_back_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "model": model,
            }
        )
        if sound_loop is not UNSET:
            field_dict["soundLoop"] = sound_loop
        if sound_tempo is not UNSET:
            field_dict["soundTempo"] = sound_tempo
        if sound_key is not UNSET:
            field_dict["soundKey"] = sound_key
        if grab_lyrics is not UNSET:
            field_dict["grabLyrics"] = grab_lyrics
        if call_back_url is not UNSET:
            field_dict["callBackUrl"] = call_back_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        model = SoundsModel(d.pop("model"))

        sound_loop = d.pop("soundLoop", UNSET)

        def _parse_sound_tempo(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sound_tempo = _parse_sound_tempo(d.pop("soundTempo", UNSET))

        sound_key = d.pop("soundKey", UNSET)

        grab_lyrics = d.pop("grabLyrics", UNSET)

        call_back_url = d.pop("callBackUrl", UNSET)

        generate_sounds_request = cls(
            prompt=prompt,
            model=model,
            sound_loop=sound_loop,
            sound_tempo=sound_tempo,
            sound_key=sound_key,
            grab_lyrics=grab_lyrics,
            call_back_url=call_back_url,
        )

        generate_sounds_request.additional_properties = d
        return generate_sounds_request

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
