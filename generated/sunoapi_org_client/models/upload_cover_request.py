from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_cover_request_vocal_gender import UploadCoverRequestVocalGender
from ..models.upload_model import UploadModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadCoverRequest")


@_attrs_define
class UploadCoverRequest:
    """Body of POST /api/v1/generate/upload-cover.

    Attributes:
        upload_url (str): The audio to cover, publicly reachable; at most 8 minutes (1 minute with V4_5ALL).
        custom_mode (bool): true = custom mode (style and title required, prompt is the exact lyrics); false = only a
            prompt.
        instrumental (bool): true = no vocals; in custom mode it drops the prompt requirement.
        model (UploadModel): Model of the upload operations (Upload and Cover, Upload and Extend) and Generate Mashup.
        call_back_url (str):
        prompt (str | Unset): Custom mode with vocals - the lyrics (V4 3000, others 5000 characters). Non-custom mode -
            the idea, at most 500 characters.
        style (str | Unset): Custom mode; V4 at most 200, others 1000 characters.
        title (str | Unset): Custom mode; V4 and V4_5ALL at most 80, others 100 characters.
        negative_tags (str | Unset): Styles or traits to exclude.
        vocal_gender (UploadCoverRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
        persona_id (str | Unset): Persona to apply; custom mode only.
    """

    upload_url: str
    custom_mode: bool
    instrumental: bool
    model: UploadModel
    call_back_url: str
    prompt: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    vocal_gender: UploadCoverRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    persona_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url = self.upload_url

        custom_mode = self.custom_mode

        instrumental = self.instrumental

        model = self.model.value

        call_back_url = self.call_back_url

        prompt = self.prompt

        style = self.style

        title = self.title

        negative_tags = self.negative_tags

        vocal_gender: str | Unset = UNSET
        if not isinstance(self.vocal_gender, Unset):
            vocal_gender = self.vocal_gender.value

        style_weight = self.style_weight

        weirdness_constraint = self.weirdness_constraint

        audio_weight = self.audio_weight

        persona_id = self.persona_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadUrl": upload_url,
                "customMode": custom_mode,
                "instrumental": instrumental,
                "model": model,
                "callBackUrl": call_back_url,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if style is not UNSET:
            field_dict["style"] = style
        if title is not UNSET:
            field_dict["title"] = title
        if negative_tags is not UNSET:
            field_dict["negativeTags"] = negative_tags
        if vocal_gender is not UNSET:
            field_dict["vocalGender"] = vocal_gender
        if style_weight is not UNSET:
            field_dict["styleWeight"] = style_weight
        if weirdness_constraint is not UNSET:
            field_dict["weirdnessConstraint"] = weirdness_constraint
        if audio_weight is not UNSET:
            field_dict["audioWeight"] = audio_weight
        if persona_id is not UNSET:
            field_dict["personaId"] = persona_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_url = d.pop("uploadUrl")

        custom_mode = d.pop("customMode")

        instrumental = d.pop("instrumental")

        model = UploadModel(d.pop("model"))

        call_back_url = d.pop("callBackUrl")

        prompt = d.pop("prompt", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        negative_tags = d.pop("negativeTags", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: UploadCoverRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = UploadCoverRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        persona_id = d.pop("personaId", UNSET)

        upload_cover_request = cls(
            upload_url=upload_url,
            custom_mode=custom_mode,
            instrumental=instrumental,
            model=model,
            call_back_url=call_back_url,
            prompt=prompt,
            style=style,
            title=title,
            negative_tags=negative_tags,
            vocal_gender=vocal_gender,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            audio_weight=audio_weight,
            persona_id=persona_id,
        )

        upload_cover_request.additional_properties = d
        return upload_cover_request

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
