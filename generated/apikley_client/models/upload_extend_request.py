from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model import Model
from ..models.upload_extend_request_vocal_gender import UploadExtendRequestVocalGender
from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadExtendRequest")


@_attrs_define
class UploadExtendRequest:
    """Body of POST /api/v1/generate/upload-extend.

    Attributes:
        upload_url (str): The audio to extend, publicly reachable; at most 8 minutes (1 minute with V4_5ALL).
        default_param_flag (bool): true = this request's style, title, continueAt (and prompt unless instrumental);
            false = uploadUrl and prompt, the rest inherited.
        model (Model): Generation model. Apikley relays kie.ai, whose model list grows before the copied pages
            do (kie.ai's own pages and third-party clients already send V5_5), so a name not listed
            here is sent with a sunokit UnknownValueWarning (`x-sunokit-unknown-values: warn`) and
            the default limits apply.
        call_back_url (str):
        instrumental (bool | Unset): Only meaningful with defaultParamFlag true; not in the page's required list.
        continue_at (float | Unset): Seconds into the uploaded audio where the extension starts; greater than 0 and less
            than its duration.
        prompt (str | Unset): The lyrics (V4 3000
        style (str | Unset): V4 at most 200
        title (str | Unset): V4 and V4_5ALL at most 80
        negative_tags (str | Unset):
        vocal_gender (UploadExtendRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
        persona_id (str | Unset):
    """

    upload_url: str
    default_param_flag: bool
    model: Model
    call_back_url: str
    instrumental: bool | Unset = UNSET
    continue_at: float | Unset = UNSET
    prompt: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    vocal_gender: UploadExtendRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    persona_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_url = self.upload_url

        default_param_flag = self.default_param_flag

        model = self.model.value

        call_back_url = self.call_back_url

        instrumental = self.instrumental

        continue_at = self.continue_at

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
                "defaultParamFlag": default_param_flag,
                "model": model,
                "callBackUrl": call_back_url,
            }
        )
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental
        if continue_at is not UNSET:
            field_dict["continueAt"] = continue_at
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

        default_param_flag = d.pop("defaultParamFlag")

        model = Model(d.pop("model"))

        call_back_url = d.pop("callBackUrl")

        instrumental = d.pop("instrumental", UNSET)

        continue_at = d.pop("continueAt", UNSET)

        prompt = d.pop("prompt", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        negative_tags = d.pop("negativeTags", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: UploadExtendRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = UploadExtendRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        persona_id = d.pop("personaId", UNSET)

        upload_extend_request = cls(
            upload_url=upload_url,
            default_param_flag=default_param_flag,
            model=model,
            call_back_url=call_back_url,
            instrumental=instrumental,
            continue_at=continue_at,
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

        upload_extend_request.additional_properties = d
        return upload_extend_request

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
