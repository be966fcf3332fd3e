from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.extend_music_request_persona_model import ExtendMusicRequestPersonaModel
from ..models.extend_music_request_vocal_gender import ExtendMusicRequestVocalGender
from ..models.model import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtendMusicRequest")


@_attrs_define
class ExtendMusicRequest:
    """Body of POST /api/v1/generate/extend.

    Attributes:
        default_param_flag (bool): true = use this request's prompt, style, title and continueAt; false = inherit the
            source track's parameters.
        audio_id (str): The track to extend (a track id from the task's sunoData).
        model (Model): Generation model. The vendor adds models before its pages list them (V5_5 reached the
            limits text of https://docs.sunoapi.org/suno-api/generate-music before its enum), so
            a name not listed here is sent with a sunokit UnknownValueWarning
            (`x-sunokit-unknown-values: warn`) and the default (newest-family) limits apply.
        call_back_url (str):
        continue_at (float | Unset): Seconds into the source track where the extension starts; greater than 0 and less
            than the track's duration.
        prompt (str | Unset):
        style (str | Unset):
        title (str | Unset):
        negative_tags (str | Unset):
        vocal_gender (ExtendMusicRequestVocalGender | Unset):
        style_weight (float | Unset):
        weirdness_constraint (float | Unset):
        audio_weight (float | Unset):
        persona_id (str | Unset):
        persona_model (ExtendMusicRequestPersonaModel | Unset): Which kind of persona personaId names: style_persona (an
            id from Generate Persona, the
            default) or voice_persona (a Suno Voice voiceId). Newest generate-music page only
            (https://docs.sunoapi.org/suno-api/generate-music, en and cn); absent from older
            snapshots.
    """

    default_param_flag: bool
    audio_id: str
    model: Model
    call_back_url: str
    continue_at: float | Unset = UNSET
    prompt: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    vocal_gender: ExtendMusicRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    persona_id: str | Unset = UNSET
    persona_model: ExtendMusicRequestPersonaModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default_param_flag = self.default_param_flag

        audio_id = self.audio_id

        model = self.model.value

        call_back_url = self.call_back_url

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

        persona_model: str | Unset = UNSET
        if not isinstance(self.persona_model, Unset):
            persona_model = self.persona_model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "defaultParamFlag": default_param_flag,
                "audioId": audio_id,
                "model": model,
                "callBackUrl": call_back_url,
            }
        )
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
        if persona_model is not UNSET:
            field_dict["personaModel"] = persona_model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        default_param_flag = d.pop("defaultParamFlag")

        audio_id = d.pop("audioId")

        model = Model(d.pop("model"))

        call_back_url = d.pop("callBackUrl")

        continue_at = d.pop("continueAt", UNSET)

        prompt = d.pop("prompt", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        negative_tags = d.pop("negativeTags", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: ExtendMusicRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = ExtendMusicRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        persona_id = d.pop("personaId", UNSET)

        _persona_model = d.pop("personaModel", UNSET)
        persona_model: ExtendMusicRequestPersonaModel | Unset
        if isinstance(_persona_model, Unset):
            persona_model = UNSET
        else:
            persona_model = ExtendMusicRequestPersonaModel(_persona_model)

        extend_music_request = cls(
            default_param_flag=default_param_flag,
            audio_id=audio_id,
            model=model,
            call_back_url=call_back_url,
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
            persona_model=persona_model,
        )

        extend_music_request.additional_properties = d
        return extend_music_request

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
