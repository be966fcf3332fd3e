from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.add_audio_model import AddAudioModel
from ..models.add_vocals_request_vocal_gender import AddVocalsRequestVocalGender
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddVocalsRequest")


@_attrs_define
class AddVocalsRequest:
    """Body of POST /api/v1/generate/add-vocals.

    Attributes:
        upload_url (str): The instrumental to sing over
        prompt (str): The vocal content (lyrics) and its style.
        title (str): Required in kie.ai's schema (Apikley's page is cut before it).
        style (str): The vocal style.
        negative_tags (str): Styles to avoid (required by the page).
        call_back_url (str):
        tags (str | Unset): Mentioned on Apikley's page besides style.
        vocal_gender (AddVocalsRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
        model (AddAudioModel | Unset): Model of Add Instrumental and Add Vocals (default V4_5PLUS).
    """

    upload_url: str
    prompt: str
    title: str
    style: str
    negative_tags: str
    call_back_url: str
    tags: str | Unset = UNSET
    vocal_gender: AddVocalsRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    model: AddAudioModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url = self.upload_url

        prompt = self.prompt

        title = self.title

        style = self.style

        negative_tags = self.negative_tags

        call_back_url = self.call_back_url

        tags = self.tags

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
                "prompt": prompt,
                "title": title,
                "style": style,
                "negativeTags": negative_tags,
                "callBackUrl": call_back_url,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
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

        prompt = d.pop("prompt")

        title = d.pop("title")

        style = d.pop("style")

        negative_tags = d.pop("negativeTags")

        call_back_url = d.pop("callBackUrl")

        tags = d.pop("tags", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: AddVocalsRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = AddVocalsRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        _model = d.pop("model", UNSET)
        model: AddAudioModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = AddAudioModel(_model)

        add_vocals_request = cls(
            upload_url=upload_url,
            prompt=prompt,
            title=title,
            style=style,
            negative_tags=negative_tags,
            call_back_url=call_back_url,
            tags=tags,
            vocal_gender=vocal_gender,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            audio_weight=audio_weight,
            model=model,
        )

        add_vocals_request.additional_properties = d
        return add_vocals_request

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
