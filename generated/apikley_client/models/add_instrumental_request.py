from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.add_audio_model import AddAudioModel
from ..models.add_instrumental_request_vocal_gender import AddInstrumentalRequestVocalGender
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddInstrumentalRequest")


@_attrs_define
class AddInstrumentalRequest:
    """Body of POST /api/v1/generate/add-instrumental.

    Attributes:
        upload_url (str): The vocal stem or melody (MP3, WAV, ...), publicly reachable.
        title (str):
        tags (str): The desired style of the accompaniment.
        negative_tags (str): Styles to avoid (required by the page).
        call_back_url (str | Unset): Optional on Apikley's page.
        vocal_gender (AddInstrumentalRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
        model (AddAudioModel | Unset): Model of Add Instrumental and Add Vocals (default V4_5PLUS).
    """

    upload_url: str
    title: str
    tags: str
    negative_tags: str
    call_back_url: str | Unset = UNSET
    vocal_gender: AddInstrumentalRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    model: AddAudioModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url = self.upload_url

        title = self.title

        tags = self.tags

        negative_tags = self.negative_tags

        call_back_url = self.call_back_url

        vocal_gender: str | Unset = UNSET
        if not isinstance(self.vocal_gender, Unset):
            vocal_gender = self.vocal_gender.value

        style_weight = self.style_weight

        weirdness_constraint = self.weirdness_constraint

        audio_weight = self.audio_weight

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadUrl": upload_url,
                "title": title,
                "tags": tags,
                "negativeTags": negative_tags,
            }
        )
        if call_back_url is not UNSET:
            field_dict["callBackUrl"] = call_back_url
        if vocal_gender is not UNSET:
            field_dict["vocalGender"] = vocal_gender
        if style_weight is not UNSET:
            field_dict["styleWeight"] = style_weight
        if weirdness_constraint is not UNSET:
            field_dict["weirdnessConstraint"] = weirdness_constraint
        if audio_weight is not UNSET:
            field_dict["audioWeight"] = audio_weight
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_url = d.pop("uploadUrl")

        title = d.pop("title")

        tags = d.pop("tags")

        negative_tags = d.pop("negativeTags")

        call_back_url = d.pop("callBackUrl", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: AddInstrumentalRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = AddInstrumentalRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        _model = d.pop("model", UNSET)
        model: AddAudioModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = AddAudioModel(_model)

        add_instrumental_request = cls(
            upload_url=upload_url,
            title=title,
            tags=tags,
            negative_tags=negative_tags,
            call_back_url=call_back_url,
            vocal_gender=vocal_gender,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            audio_weight=audio_weight,
            model=model,
        )

        add_instrumental_request.additional_properties = d
        return add_instrumental_request

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
