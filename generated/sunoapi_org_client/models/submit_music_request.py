from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model import Model
from ..models.submit_music_request_persona_model import SubmitMusicRequestPersonaModel
from ..models.submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitMusicRequest")


@_attrs_define
class SubmitMusicRequest:
    """Body of POST /api/v1/generate.

    Attributes:
        custom_mode (bool): true = custom mode (style and title required, prompt is the exact lyrics); false = only a
            prompt, lyrics are written by the service.
        instrumental (bool): true = no vocals. In custom mode it drops the prompt requirement; in non-custom mode it
            does not change what is required.
        model (Model): Generation model. The vendor adds models before its pages list them (V5_5 reached the
            limits text of https://docs.sunoapi.org/suno-api/generate-music before its enum), so
            a name not listed here is sent with a sunokit UnknownValueWarning
            (`x-sunokit-unknown-values: warn`) and the default (newest-family) limits apply.
        call_back_url (str): Receives the text, first and complete callbacks.
        prompt (str | Unset): Custom mode, vocals - the exact lyrics (V3_5/V4 3000, others 5000 characters). Non-custom
            mode - the idea of the song, at most 400 characters.
        style (str | Unset): Custom mode only; V3_5/V4 at most 200, others 1000 characters.
        title (str | Unset): Custom mode only; at most 80 characters for all models.
        negative_tags (str | Unset): Styles or traits to exclude.
        vocal_gender (SubmitMusicRequestVocalGender | Unset): Only effective in custom mode; raises the probability,
            does not guarantee.
        style_weight (float | Unset): Strength of adherence to the style, 0-1, up to 2 decimal places.
        weirdness_constraint (float | Unset): Creative deviation, 0-1, up to 2 decimal places.
        audio_weight (float | Unset): Weight of audio features, 0-1, up to 2 decimal places.
        persona_id (str | Unset): Persona to apply; custom mode only.
        persona_model (SubmitMusicRequestPersonaModel | Unset): Which kind of persona personaId names: style_persona (an
            id from Generate Persona, the
            default) or voice_persona (a Suno Voice voiceId). Newest generate-music page only
            (https://docs.sunoapi.org/suno-api/generate-music, en and cn); absent from older
            snapshots.
    """

    custom_mode: bool
    instrumental: bool
    model: Model
    call_back_url: str
    prompt: str | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    vocal_gender: SubmitMusicRequestVocalGender | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    persona_id: str | Unset = UNSET
    persona_model: SubmitMusicRequestPersonaModel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        persona_model: str | Unset = UNSET
        if not isinstance(self.persona_model, Unset):
            persona_model = self.persona_model.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
        if persona_model is not UNSET:
            field_dict["personaModel"] = persona_model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        custom_mode = d.pop("customMode")

        instrumental = d.pop("instrumental")

        model = Model(d.pop("model"))

        call_back_url = d.pop("callBackUrl")

        prompt = d.pop("prompt", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        negative_tags = d.pop("negativeTags", UNSET)

        _vocal_gender = d.pop("vocalGender", UNSET)
        vocal_gender: SubmitMusicRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = SubmitMusicRequestVocalGender(_vocal_gender)

        style_weight = d.pop("styleWeight", UNSET)

        weirdness_constraint = d.pop("weirdnessConstraint", UNSET)

        audio_weight = d.pop("audioWeight", UNSET)

        persona_id = d.pop("personaId", UNSET)

        _persona_model = d.pop("personaModel", UNSET)
        persona_model: SubmitMusicRequestPersonaModel | Unset
        if isinstance(_persona_model, Unset):
            persona_model = UNSET
        else:
            persona_model = SubmitMusicRequestPersonaModel(_persona_model)

        submit_music_request = cls(
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
            persona_model=persona_model,
        )

        submit_music_request.additional_properties = d
        return submit_music_request

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
