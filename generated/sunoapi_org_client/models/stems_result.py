from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stems_origin_item import StemsOriginItem


T = TypeVar("T", bound="StemsResult")


@_attrs_define
class StemsResult:
    """
    Attributes:
        id (None | str | Unset):
        origin_url (None | str | Unset):
        origin_data (list[StemsOriginItem] | None | Unset):
        instrumental_url (None | str | Unset): separate_vocal only.
        vocal_url (None | str | Unset):
        backing_vocals_url (None | str | Unset):
        drums_url (None | str | Unset):
        bass_url (None | str | Unset):
        guitar_url (None | str | Unset):
        keyboard_url (None | str | Unset):
        piano_url (None | str | Unset): Older pages only.
        percussion_url (None | str | Unset):
        strings_url (None | str | Unset):
        synth_url (None | str | Unset):
        fx_url (None | str | Unset):
        brass_url (None | str | Unset):
        woodwinds_url (None | str | Unset):
    """

    id: None | str | Unset = UNSET
    origin_url: None | str | Unset = UNSET
    origin_data: list[StemsOriginItem] | None | Unset = UNSET
    instrumental_url: None | str | Unset = UNSET
    vocal_url: None | str | Unset = UNSET
    backing_vocals_url: None | str | Unset = UNSET
    drums_url: None | str | Unset = UNSET
    bass_url: None | str | Unset = UNSET
    guitar_url: None | str | Unset = UNSET
    keyboard_url: None | str | Unset = UNSET
    piano_url: None | str | Unset = UNSET
    percussion_url: None | str | Unset = UNSET
    strings_url: None | str | Unset = UNSET
    synth_url: None | str | Unset = UNSET
    fx_url: None | str | Unset = UNSET
    brass_url: None | str | Unset = UNSET
    woodwinds_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        origin_url: None | str | Unset
        if isinstance(self.origin_url, Unset):
            origin_url = UNSET
        else:
            origin_url = self.origin_url

        origin_data: list[dict[str, Any]] | None | Unset
        if isinstance(self.origin_data, Unset):
            origin_data = UNSET
        elif isinstance(self.origin_data, list):
            origin_data = []
            for origin_data_type_0_item_data in self.origin_data:
                origin_data_type_0_item = origin_data_type_0_item_data.to_dict()
                origin_data.append(origin_data_type_0_item)

        else:
            origin_data = self.origin_data

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

        piano_url: None | str | Unset
        if isinstance(self.piano_url, Unset):
            piano_url = UNSET
        else:
            piano_url = self.piano_url

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
        if id is not UNSET:
            field_dict["id"] = id
        if origin_url is not UNSET:
            field_dict["originUrl"] = origin_url
        if origin_data is not UNSET:
            field_dict["originData"] = origin_data
        if instrumental_url is not UNSET:
            field_dict["instrumentalUrl"] = instrumental_url
        if vocal_url is not UNSET:
            field_dict["vocalUrl"] = vocal_url
        if backing_vocals_url is not UNSET:
            field_dict["backingVocalsUrl"] = backing_vocals_url
        if drums_url is not UNSET:
            field_dict["drumsUrl"] = drums_url
        if bass_url is not UNSET:
            field_dict["bassUrl"] = bass_url
        if guitar_url is not UNSET:
            field_dict["guitarUrl"] = guitar_url
        if keyboard_url is not UNSET:
            field_dict["keyboardUrl"] = keyboard_url
        if piano_url is not UNSET:
            field_dict["pianoUrl"] = piano_url
        if percussion_url is not UNSET:
            field_dict["percussionUrl"] = percussion_url
        if strings_url is not UNSET:
            field_dict["stringsUrl"] = strings_url
        if synth_url is not UNSET:
            field_dict["synthUrl"] = synth_url
        if fx_url is not UNSET:
            field_dict["fxUrl"] = fx_url
        if brass_url is not UNSET:
            field_dict["brassUrl"] = brass_url
        if woodwinds_url is not UNSET:
            field_dict["woodwindsUrl"] = woodwinds_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stems_origin_item import StemsOriginItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_origin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin_url = _parse_origin_url(d.pop("originUrl", UNSET))

        def _parse_origin_data(data: object) -> list[StemsOriginItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                origin_data_type_0 = []
                _origin_data_type_0 = data
                for origin_data_type_0_item_data in _origin_data_type_0:
                    origin_data_type_0_item = StemsOriginItem.from_dict(origin_data_type_0_item_data)

                    origin_data_type_0.append(origin_data_type_0_item)

                return origin_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StemsOriginItem] | None | Unset, data)

        origin_data = _parse_origin_data(d.pop("originData", UNSET))

        def _parse_instrumental_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrumental_url = _parse_instrumental_url(d.pop("instrumentalUrl", UNSET))

        def _parse_vocal_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vocal_url = _parse_vocal_url(d.pop("vocalUrl", UNSET))

        def _parse_backing_vocals_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        backing_vocals_url = _parse_backing_vocals_url(d.pop("backingVocalsUrl", UNSET))

        def _parse_drums_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drums_url = _parse_drums_url(d.pop("drumsUrl", UNSET))

        def _parse_bass_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bass_url = _parse_bass_url(d.pop("bassUrl", UNSET))

        def _parse_guitar_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guitar_url = _parse_guitar_url(d.pop("guitarUrl", UNSET))

        def _parse_keyboard_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keyboard_url = _parse_keyboard_url(d.pop("keyboardUrl", UNSET))

        def _parse_piano_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        piano_url = _parse_piano_url(d.pop("pianoUrl", UNSET))

        def _parse_percussion_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        percussion_url = _parse_percussion_url(d.pop("percussionUrl", UNSET))

        def _parse_strings_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strings_url = _parse_strings_url(d.pop("stringsUrl", UNSET))

        def _parse_synth_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        synth_url = _parse_synth_url(d.pop("synthUrl", UNSET))

        def _parse_fx_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fx_url = _parse_fx_url(d.pop("fxUrl", UNSET))

        def _parse_brass_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brass_url = _parse_brass_url(d.pop("brassUrl", UNSET))

        def _parse_woodwinds_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        woodwinds_url = _parse_woodwinds_url(d.pop("woodwindsUrl", UNSET))

        stems_result = cls(
            id=id,
            origin_url=origin_url,
            origin_data=origin_data,
            instrumental_url=instrumental_url,
            vocal_url=vocal_url,
            backing_vocals_url=backing_vocals_url,
            drums_url=drums_url,
            bass_url=bass_url,
            guitar_url=guitar_url,
            keyboard_url=keyboard_url,
            piano_url=piano_url,
            percussion_url=percussion_url,
            strings_url=strings_url,
            synth_url=synth_url,
            fx_url=fx_url,
            brass_url=brass_url,
            woodwinds_url=woodwinds_url,
        )

        stems_result.additional_properties = d
        return stems_result

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
