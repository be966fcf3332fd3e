from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.music_model import MusicModel
from ..models.submit_music_request_task_type import SubmitMusicRequestTaskType
from ..models.submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitMusicRequest")


@_attrs_define
class SubmitMusicRequest:
    """Body of POST /api/v1/suno/create. Only the Create page's six fields are contract; the rest come from other pages of
    the same docs.

        Attributes:
            prompt (str | Unset): Custom mode: the lyrics, required, under 3000 characters. Non-custom mode: optional
                description of the song, under 200 characters.
                 Default: ''.
            tags (str | Unset): Style of music, e.g. "heavy metal", "gospel", "jazz". Less than 200 characters (error
                table). Default: ''.
            custom_mode (bool | Unset): true = custom mode; prompt is required and used as the lyrics, title and tags apply.
                Default: False.
            title (str | Unset): Title of the song; only used in custom mode. Less than 80 characters (error table).
                Default: ''.
            continue_at (float | Unset): Second of the source clip from which to continue the generation. Default: 0.0.
            continue_clip_id (str | Unset): Clip id to continue from (a `clip_id` from get_task). Default: ''.
            task_type (SubmitMusicRequestTaskType | Unset): Operation performed by /api/v1/suno/create (Instructions page
                enum). Absent means
                create_music (the create example sends none).
            mv (MusicModel | Unset): Model (`mv`). The Instructions page lists chirp-v3-5, chirp-v4, chirp-v4-5 and
                chirp-v4-5-plus; the webhook example and third-party code use chirp-v5. Newer models
                appear in payloads before the docs list them, so a name not listed here is sent with a
                sunokit UnknownValueWarning (`x-sunokit-unknown-values: warn`); the server answers 400
                for a model it does not offer.
            make_instrumental (bool | Unset): true = no vocals (Instructions page).
            gpt_description_prompt (str | Unset): Non-custom mode description of the song, less than 200 characters
                (Instructions page, error table).
            persona_id (str | Unset): Persona to sing the song; required when task_type is persona_music (error table).
            negative_tags (str | Unset): Elements to avoid (Instructions page).
            style_weight (float | Unset): Weight of the tags (style); 0-1 (range from the sibling and third-party docs).
            weirdness_constraint (float | Unset): Randomness or weirdness; 0-1 (range from the sibling and third-party
                docs).
            audio_weight (float | Unset): Influence of the source audio on a cover, 0-1 (sibling docs).
            vocal_gender (SubmitMusicRequestVocalGender | Unset): Singer gender, "f" or "m" (create music (Control singer
                gender)); only chirp-v4-5 and newer (third-party docs).
            auto_lyrics (bool | Unset): With custom_mode true, prompt describes the song and the lyrics are written (create
                music (auto lyrics mode)).
            webhook_url (str | Unset): Receives a POST when the task reaches a final state (webhook guide).
            webhook_secret (str | Unset): Key of the X-Signature HMAC-SHA256 over the raw webhook body (webhook guide).
    """

    prompt: str | Unset = ""
    tags: str | Unset = ""
    custom_mode: bool | Unset = False
    title: str | Unset = ""
    continue_at: float | Unset = 0.0
    continue_clip_id: str | Unset = ""
    task_type: SubmitMusicRequestTaskType | Unset = UNSET
    mv: MusicModel | Unset = UNSET
    make_instrumental: bool | Unset = UNSET
    gpt_description_prompt: str | Unset = UNSET
    persona_id: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    style_weight: float | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET
    audio_weight: float | Unset = UNSET
    vocal_gender: SubmitMusicRequestVocalGender | Unset = UNSET
    auto_lyrics: bool | Unset = UNSET
    webhook_url: str | Unset = UNSET
    webhook_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        tags = self.tags

        custom_mode = self.custom_mode

        title = self.title

        continue_at = self.continue_at

        continue_clip_id = self.continue_clip_id

        task_type: str | Unset = UNSET
        if not isinstance(self.task_type, Unset):
            task_type = self.task_type.value

        mv: str | Unset = UNSET
        if not isinstance(self.mv, Unset):
            mv = self.mv.value

        make_instrumental = self.make_instrumental

        gpt_description_prompt = self.gpt_description_prompt

        persona_id = self.persona_id

        negative_tags = self.negative_tags

        style_weight = self.style_weight

        weirdness_constraint = self.weirdness_constraint

        audio_weight = self.audio_weight

        vocal_gender: str | Unset = UNSET
        if not isinstance(self.vocal_gender, Unset):
            vocal_gender = self.vocal_gender.value

        auto_lyrics = self.auto_lyrics

        webhook_url = self.webhook_url

        webhook_secret = self.webhook_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if tags is not UNSET:
            field_dict["tags"] = tags
        if custom_mode is not UNSET:
            field_dict["custom_mode"] = custom_mode
        if title is not UNSET:
            field_dict["title"] = title
        if continue_at is not UNSET:
            field_dict["continue_at"] = continue_at
        if continue_clip_id is not UNSET:
            field_dict["continue_clip_id"] = continue_clip_id
        if task_type is not UNSET:
            field_dict["task_type"] = task_type
        if mv is not UNSET:
            field_dict["mv"] = mv
        if make_instrumental is not UNSET:
            field_dict["make_instrumental"] = make_instrumental
        if gpt_description_prompt is not UNSET:
            field_dict["gpt_description_prompt"] = gpt_description_prompt
        if persona_id is not UNSET:
            field_dict["persona_id"] = persona_id
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if style_weight is not UNSET:
            field_dict["style_weight"] = style_weight
        if weirdness_constraint is not UNSET:
            field_dict["weirdness_constraint"] = weirdness_constraint
        if audio_weight is not UNSET:
            field_dict["audio_weight"] = audio_weight
        if vocal_gender is not UNSET:
            field_dict["vocal_gender"] = vocal_gender
        if auto_lyrics is not UNSET:
            field_dict["auto_lyrics"] = auto_lyrics
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if webhook_secret is not UNSET:
            field_dict["webhook_secret"] = webhook_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt", UNSET)

        tags = d.pop("tags", UNSET)

        custom_mode = d.pop("custom_mode", UNSET)

        title = d.pop("title", UNSET)

        continue_at = d.pop("continue_at", UNSET)

        continue_clip_id = d.pop("continue_clip_id", UNSET)

        _task_type = d.pop("task_type", UNSET)
        task_type: SubmitMusicRequestTaskType | Unset
        if isinstance(_task_type, Unset):
            task_type = UNSET
        else:
            task_type = SubmitMusicRequestTaskType(_task_type)

        _mv = d.pop("mv", UNSET)
        mv: MusicModel | Unset
        if isinstance(_mv, Unset):
            mv = UNSET
        else:
            mv = MusicModel(_mv)

        make_instrumental = d.pop("make_instrumental", UNSET)

        gpt_description_prompt = d.pop("gpt_description_prompt", UNSET)

        persona_id = d.pop("persona_id", UNSET)

        negative_tags = d.pop("negative_tags", UNSET)

        style_weight = d.pop("style_weight", UNSET)

        weirdness_constraint = d.pop("weirdness_constraint", UNSET)

        audio_weight = d.pop("audio_weight", UNSET)

        _vocal_gender = d.pop("vocal_gender", UNSET)
        vocal_gender: SubmitMusicRequestVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = SubmitMusicRequestVocalGender(_vocal_gender)

        auto_lyrics = d.pop("auto_lyrics", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        webhook_secret = d.pop("webhook_secret", UNSET)

        submit_music_request = cls(
            prompt=prompt,
            tags=tags,
            custom_mode=custom_mode,
            title=title,
            continue_at=continue_at,
            continue_clip_id=continue_clip_id,
            task_type=task_type,
            mv=mv,
            make_instrumental=make_instrumental,
            gpt_description_prompt=gpt_description_prompt,
            persona_id=persona_id,
            negative_tags=negative_tags,
            style_weight=style_weight,
            weirdness_constraint=weirdness_constraint,
            audio_weight=audio_weight,
            vocal_gender=vocal_gender,
            auto_lyrics=auto_lyrics,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
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
