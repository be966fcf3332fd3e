from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mashup_request_vocal_gender import MashupRequestVocalGender
from ..models.upload_model import UploadModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="MashupRequest")


@_attrs_define
class MashupRequest:
    """Body of POST /api/v1/generate/mashup.

    Attributes:
        upload_url_list (list[str]): Exactly two publicly reachable audio URLs.
        custom_mode (bool): true = style and title (and the lyrics as prompt unless instrumental); false = only a
            prompt.
        model (UploadModel): Model of the upload operations (Upload and Cover, Upload and Extend) and Generate Mashup.
        call_back_url (str):
        instrumental (bool | Unset): Not in the page's required list; absent counts as false (vocals).
        prompt (str | Unset): Custom mode with vocals - the lyrics (V4 3000
        style (str | Unset): Custom mode; V4 at most 200
        title (str | Unset): Custom mode; V4 and V4_5ALL at most 80
        vocal_gender (MashupRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
    """

    upload_url_list: list[str]
    custom_mode: bool
    model: UploadModel
    call_back_url: str
    instrumental: bool | Unset = UNSET
    prompt: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    vocal_gender: MashupRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url_list = self.upload_url_list

        custom_mode = self.custom_mode

        model = self.model.value

        call_back_url = self.call_back_url

        instrumental = self.instrumental

        prompt = self.prompt

        style = self.style

        title = self.title

        vocal_gender: str | Unset = UNSET
        if not isinstance(self.vocal_gender, Unset):
            vocal_gender = self.vocal_gender.value

        style_weight = self.style_weight

        weirdness_constraint = self.weirdness_constraint

        audio_weight = self.audio_weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadUrlList": upload_url_list,
                "customMode": custom_mode,
                "model": model,
                "callBackUrl": call_back_url,
            }
        )
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if style is not UNSET:
            field_dict["style"] = style
        if title is not UNSET:
            field_dict["title"] = title
        if vocal_gender is not UNSET:
            field_dict["vocalGender"] = vocal_gender
        if style_weight is not UNSET:
            field_dict["styleWeight"] = style_weight
        if weirdness_constraint is not UNSET:
            field_dict["weirdnessConstraint"] = weirdness_constraint
        if audio_weight is not UNSET:
            field_dict["audioWeight"] = audio_weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_url_list = cast(list[str], d.pop("uploadUrlList"))

        custom_mode = d.pop("customMode")

        model = UploadModel(d.pop("model"))

        call_back_url = d.pop("callBackUrl")

        instrumental = d.pop("instrumental", UNSET)

        prompt = d.pop("prompt", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: MashupRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = MashupRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        mashup_request = cls(
            upload_url_list=upload_url_list,
            custom_mode=custom_mode,
            model=model,
            call_back_url=call_back_url,
            instrumental=instrumental,
            prompt=prompt,
            style=style,
            title=title,
            vocal_gender=vocal_gender,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            audio_weight=audio_weight,
        )

        mashup_request.additional_properties = d
        return mashup_request

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
