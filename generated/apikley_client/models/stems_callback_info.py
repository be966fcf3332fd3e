from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StemsCallbackInfo")


@_attrs_define
class StemsCallbackInfo:
    """The stem URLs of a separation callback (snake_case, upstream format).

    Attributes:
        origin_url (None | str | Unset):
        instrumental_url (None | str | Unset): separate_vocal only.
        vocal_url (None | str | Unset):
        backing_vocals_url (None | str | Unset):
        drums_url (None | str | Unset):
        bass_url (None | str | Unset):
        guitar_url (None | str | Unset):
        keyboard_url (None | str | Unset):
        percussion_url (None | str | Unset):
        strings_url (None | str | Unset):
        synth_url (None | str | Unset):
        fx_url (None | str | Unset):
        brass_url (None | str | Unset):
        woodwinds_url (None | str | Unset):
    """

    origin_url: None | str | Unset = UNSET
    instrumental_url: None | str | Unset = UNSET
    vocal_url: None | str | Unset = UNSET
    backing_vocals_url: None | str | Unset = UNSET
    drums_url: None | str | Unset = UNSET
    bass_url: None | str | Unset = UNSET
    guitar_url: None | str | Unset = UNSET
    keyboard_url: None | str | Unset = UNSET
    percussion_url: None | str | Unset = UNSET
    strings_url: None | str | Unset = UNSET
    synth_url: None | str | Unset = UNSET
    fx_url: None | str | Unset = UNSET
    brass_url: None | str | Unset = UNSET
    woodwinds_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        origin_url: None | str | Unset
        if isinstance(self.origin_url, Unset):
            origin_url = UNSET
        else:
            origin_url = self.origin_url

        instrumental_url: None | str | Unset
        if isinstance(self.instrumental_url, Unset):
            instrumental_url = UNSET
        else:
            instrumental_url = self.instrumental_url

        vocal_url: None | str | Unset
        if isinstance(self.vocal_url, Unset):
            vocal_url = UNSET
        else:
            vocal_url = self.vocal_url

        backing_vocals_url: None | str | Unset
        if isinstance(self.backing_vocals_url, Unset):
            backing_vocals_url = UNSET
        else:
            backing_vocals_url = self.backing_vocals_url

        drums_url: None | str | Unset
        if isinstance(self.drums_url, Unset):
            drums_url = UNSET
        else:
            drums_url = self.drums_url

        bass_url: None | str | Unset
        if isinstance(self.bass_url, Unset):
            bass_url = UNSET
        else:
            bass_url = self.bass_url

        guitar_url: None | str | Unset
        if isinstance(self.guitar_url, Unset):
            guitar_url = UNSET
        else:
            guitar_url = self.guitar_url

        keyboard_url: None | str | Unset
        if isinstance(self.keyboard_url, Unset):
            keyboard_url = UNSET
        else:
            keyboard_url = self.keyboard_url

        percussion_url: None | str | Unset
        if isinstance(self.percussion_url, Unset):
            percussion_url = UNSET
        else:
            percussion_url = self.percussion_url

        strings_url: None | str | Unset
        if isinstance(self.strings_url, Unset):
            strings_url = UNSET
        else:
            strings_url = self.strings_url

        synth_url: None | str | Unset
        if isinstance(self.synth_url, Unset):
            synth_url = UNSET
        else:
            synth_url = self.synth_url

        fx_url: None | str | Unset
        if isinstance(self.fx_url, Unset):
            fx_url = UNSET
        else:
            fx_url = self.fx_url

        brass_url: None | str | Unset
        if isinstance(self.brass_url, Unset):
            brass_url = UNSET
        else:
            brass_url = self.brass_url

        woodwinds_url: None | str | Unset
        if isinstance(self.woodwinds_url, Unset):
            woodwinds_url = UNSET
        else:
            woodwinds_url = self.woodwinds_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if origin_url is not UNSET:
            field_dict["origin_url"] = origin_url
        if instrumental_url is not UNSET:
            field_dict["instrumental_url"] = instrumental_url
        if vocal_url is not UNSET:
            field_dict["vocal_url"] = vocal_url
        if backing_vocals_url is not UNSET:
            field_dict["backing_vocals_url"] = backing_vocals_url
        if drums_url is not UNSET:
            field_dict["drums_url"] = drums_url
        if bass_url is not UNSET:
            field_dict["bass_url"] = bass_url
        if guitar_url is not UNSET:
            field_dict["guitar_url"] = guitar_url
        if keyboard_url is not UNSET:
            field_dict["keyboard_url"] = keyboard_url
        if percussion_url is not UNSET:
            field_dict["percussion_url"] = percussion_url
        if strings_url is not UNSET:
            field_dict["strings_url"] = strings_url
        if synth_url is not UNSET:
            field_dict["synth_url"] = synth_url
        if fx_url is not UNSET:
            field_dict["fx_url"] = fx_url
        if brass_url is not UNSET:
            field_dict["brass_url"] = brass_url
        if woodwinds_url is not UNSET:
            field_dict["woodwinds_url"] = woodwinds_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_origin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin_url = _parse_origin_url(d.pop("origin_url", UNSET))

        def _parse_instrumental_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrumental_url = _parse_instrumental_url(d.pop("instrumental_url", UNSET))

        def _parse_vocal_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vocal_url = _parse_vocal_url(d.pop("vocal_url", UNSET))

        def _parse_backing_vocals_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        backing_vocals_url = _parse_backing_vocals_url(d.pop("backing_vocals_url", UNSET))

        def _parse_drums_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drums_url = _parse_drums_url(d.pop("drums_url", UNSET))

        def _parse_bass_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bass_url = _parse_bass_url(d.pop("bass_url", UNSET))

        def _parse_guitar_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guitar_url = _parse_guitar_url(d.pop("guitar_url", UNSET))

        def _parse_keyboard_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keyboard_url = _parse_keyboard_url(d.pop("keyboard_url", UNSET))

        def _parse_percussion_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        percussion_url = _parse_percussion_url(d.pop("percussion_url", UNSET))

        def _parse_strings_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strings_url = _parse_strings_url(d.pop("strings_url", UNSET))

        def _parse_synth_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        synth_url = _parse_synth_url(d.pop("synth_url", UNSET))

        def _parse_fx_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fx_url = _parse_fx_url(d.pop("fx_url", UNSET))

        def _parse_brass_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brass_url = _parse_brass_url(d.pop("brass_url", UNSET))

        def _parse_woodwinds_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        woodwinds_url = _parse_woodwinds_url(d.pop("woodwinds_url", UNSET))

        stems_callback_info = cls(
            origin_url=origin_url,
            instrumental_url=instrumental_url,
            vocal_url=vocal_url,
            backing_vocals_url=backing_vocals_url,
            drums_url=drums_url,
            bass_url=bass_url,
            guitar_url=guitar_url,
            keyboard_url=keyboard_url,
            percussion_url=percussion_url,
            strings_url=strings_url,
            synth_url=synth_url,
            fx_url=fx_url,
            brass_url=brass_url,
            woodwinds_url=woodwinds_url,
        )

        stems_callback_info.additional_properties = d
        return stems_callback_info

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
