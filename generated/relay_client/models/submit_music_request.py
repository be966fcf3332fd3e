from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.infill_metadata_params import InfillMetadataParams


T = TypeVar("T", bound="SubmitMusicRequest")


@_attrs_define
class SubmitMusicRequest:
    """Body of POST /suno/submit/music (Generate Music page; new-api `SunoSubmitReq`, upstream
    `SubmitGenSongReq`). No documented length limits.

        Attributes:
            prompt (str | Unset): 歌词 - the lyrics (custom mode). Required unless gpt_description_prompt is given; may be ""
                in an extension.
            mv (str | Unset): Model version. The page names chirp-v4 and chirp-v3-5 and says the default is
                chirp-v3-5 (stock gateways substitute chirp-v3-0 for an empty value). Open string:
                gateways add newer names; use `*-upload` names to extend an uploaded song.
                 Default: 'chirp-v3-5'.
            title (str | Unset): 标题 - song title (custom mode).
            tags (str | Unset): 风格标签 - style tags (custom mode), e.g. "emotional punk".
            negative_tags (str | Unset): 排除的风格标签 - styles to avoid. Dropped by stock new-api (see x-sunokit-rules).
            make_instrumental (bool | Unset): 是否生成纯音乐 - true = instrumental, no vocals. Missing means false. Default: False.
            task_id (str | Unset): 任务id - the task to operate on again; required with continue_clip_id (the task that
                produced the clip).
            continue_at (float | None | Unset): 歌曲延长时间 - second of the source clip at which the extension starts (float).
                Required with continue_clip_id.
            continue_clip_id (None | str | Unset): 歌曲id - the clip to extend. The page says to use the id ending in a
                sequence number (e.g. `<task id>_1`), not the raw clip id; gateways differ.
            task (str | Unset): Operation on the source; "extend" to continue a song. Required for extending an uploaded
                song (上传后续写必填).
            gpt_description_prompt (str | Unset): 灵感模式提示词 - description of the song (inspiration mode); the service writes
                the lyrics.
            notify_hook (str | Unset): 回调地址 - callback URL (https://...). No delivery format is documented; stock new-api
                drops it.
            generation_type (str | Unset): "TEXT" in the artist_consistency (yutoai) and gen_stem (cometapi) examples.
                Gateway extension field.
            persona_id (str | Unset): With task artist_consistency - the persona whose voice sings (the `id` create_persona
                answered). Gateway extension field.
            artist_clip_id (str | Unset): With task artist_consistency - the persona's root clip (in yutoai's example;
                whether it is required is not said). Gateway extension field.
            cover_clip_id (str | Unset): A cover of this clip (generated, or uploaded with upload_audio_url) in the style
                and lyrics of this request. Gateway extension field.
            infill_start_s (float | Unset): With task infill - first second of the part sung again (CometAPI sends it top
                level). Gateway extension field.
            infill_end_s (float | Unset): With task infill - last second of the part sung again. Gateway extension field.
            metadata_params (InfillMetadataParams | Unset): aimanyi's form of an infill (task infill): Suno's own
                metadata_params. Gateway extension
                field (aimanyi).
            continued_aligned_prompt (None | str | Unset): Lyrics aligned to the part continued (null in CometAPI's gen_stem
                example). Gateway extension field.
            stem_task (str | Unset): With task gen_stem - which split; "two" (vocals + instrumental) in the only example.
                Gateway extension field.
            stem_type_id (int | Unset): With task gen_stem - Suno's id of the split; 91 with stem_task "two" in the only
                example. Gateway extension field.
            stem_type_group_name (str | Unset): With task gen_stem - Suno's name of the split; "Two" with stem_task "two".
                Gateway extension field.
    """

    prompt: str | Unset = UNSET
    mv: str | Unset = "chirp-v3-5"
    title: str | Unset = UNSET
    tags: str | Unset = UNSET
    negative_tags: str | Unset = UNSET
    make_instrumental: bool | Unset = False
    task_id: str | Unset = UNSET
    continue_at: float | None | Unset = UNSET
    continue_clip_id: None | str | Unset = UNSET
    task: str | Unset = UNSET
    gpt_description_prompt: str | Unset = UNSET
    notify_hook: str | Unset = UNSET
    generation_type: str | Unset = UNSET
    persona_id: str | Unset = UNSET
    artist_clip_id: str | Unset = UNSET
    cover_clip_id: str | Unset = UNSET
    infill_start_s: float | Unset = UNSET
    infill_end_s: float | Unset = UNSET
    metadata_params: InfillMetadataParams | Unset = UNSET
    continued_aligned_prompt: None | str | Unset = UNSET
    stem_task: str | Unset = UNSET
    stem_type_id: int | Unset = UNSET
    stem_type_group_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        mv = self.mv

        title = self.title

        tags = self.tags

        negative_tags = self.negative_tags

        make_instrumental = self.make_instrumental

        task_id = self.task_id

        continue_at: float | None | Unset
        if isinstance(self.continue_at, Unset):
            continue_at = UNSET
        else:
            continue_at = self.continue_at

        continue_clip_id: None | str | Unset
        if isinstance(self.continue_clip_id, Unset):
            continue_clip_id = UNSET
        else:
            continue_clip_id = self.continue_clip_id

        task = self.task

        gpt_description_prompt = self.gpt_description_prompt

        notify_hook = self.notify_hook

        generation_type = self.generation_type

        persona_id = self.persona_id

        artist_clip_id = self.artist_clip_id

        cover_clip_id = self.cover_clip_id

        infill_start_s = self.infill_start_s

        infill_end_s = self.infill_end_s

        metadata_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata_params, Unset):
            metadata_params = self.metadata_params.to_dict()

        continued_aligned_prompt: None | str | Unset
        if isinstance(self.continued_aligned_prompt, Unset):
            continued_aligned_prompt = UNSET
        else:
            continued_aligned_prompt = self.continued_aligned_prompt

        stem_task = self.stem_task

        stem_type_id = self.stem_type_id

        stem_type_group_name = self.stem_type_group_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if mv is not UNSET:
            field_dict["mv"] = mv
        if title is not UNSET:
            field_dict["title"] = title
        if tags is not UNSET:
            field_dict["tags"] = tags
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if make_instrumental is not UNSET:
            field_dict["make_instrumental"] = make_instrumental
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if continue_at is not UNSET:
            field_dict["continue_at"] = continue_at
        if continue_clip_id is not UNSET:
            field_dict["continue_clip_id"] = continue_clip_id
        if task is not UNSET:
            field_dict["task"] = task
        if gpt_description_prompt is not UNSET:
            field_dict["gpt_description_prompt"] = gpt_description_prompt
        if notify_hook is not UNSET:
            field_dict["notify_hook"] = notify_hook
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if persona_id is not UNSET:
            field_dict["persona_id"] = persona_id
        if artist_clip_id is not UNSET:
            field_dict["artist_clip_id"] = artist_clip_id
        if cover_clip_id is not UNSET:
            field_dict["cover_clip_id"] = cover_clip_id
        if infill_start_s is not UNSET:
            field_dict["infill_start_s"] = infill_start_s
        if infill_end_s is not UNSET:
            field_dict["infill_end_s"] = infill_end_s
        if metadata_params is not UNSET:
            field_dict["metadata_params"] = metadata_params
        if continued_aligned_prompt is not UNSET:
            field_dict["continued_aligned_prompt"] = continued_aligned_prompt
        if stem_task is not UNSET:
            field_dict["stem_task"] = stem_task
        if stem_type_id is not UNSET:
            field_dict["stem_type_id"] = stem_type_id
        if stem_type_group_name is not UNSET:
            field_dict["stem_type_group_name"] = stem_type_group_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.infill_metadata_params import InfillMetadataParams  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt", UNSET)

        mv = d.pop("mv", UNSET)

        title = d.pop("title", UNSET)

        tags = d.pop("tags", UNSET)

        negative_tags = d.pop("negative_tags", UNSET)

        make_instrumental = d.pop("make_instrumental", UNSET)

        task_id = d.pop("task_id", UNSET)

        def _parse_continue_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        continue_at = _parse_continue_at(d.pop("continue_at", UNSET))

        def _parse_continue_clip_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        continue_clip_id = _parse_continue_clip_id(d.pop("continue_clip_id", UNSET))

        task = d.pop("task", UNSET)

        gpt_description_prompt = d.pop("gpt_description_prompt", UNSET)

        notify_hook = d.pop("notify_hook", UNSET)

        generation_type = d.pop("generation_type", UNSET)

        persona_id = d.pop("persona_id", UNSET)

        artist_clip_id = d.pop("artist_clip_id", UNSET)

        cover_clip_id = d.pop("cover_clip_id", UNSET)

        infill_start_s = d.pop("infill_start_s", UNSET)

        infill_end_s = d.pop("infill_end_s", UNSET)

        _metadata_params = d.pop("metadata_params", UNSET)
        metadata_params: InfillMetadataParams | Unset
        if isinstance(_metadata_params, Unset):
            metadata_params = UNSET
        else:
            metadata_params = InfillMetadataParams.from_dict(_metadata_params)

        def _parse_continued_aligned_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        continued_aligned_prompt = _parse_continued_aligned_prompt(d.pop("continued_aligned_prompt", UNSET))

        stem_task = d.pop("stem_task", UNSET)

        stem_type_id = d.pop("stem_type_id", UNSET)

        stem_type_group_name = d.pop("stem_type_group_name", UNSET)

        submit_music_request = cls(
            prompt=prompt,
            mv=mv,
            title=title,
            tags=tags,
            negative_tags=negative_tags,
            make_instrumental=make_instrumental,
            task_id=task_id,
            continue_at=continue_at,
            continue_clip_id=continue_clip_id,
            task=task,
            gpt_description_prompt=gpt_description_prompt,
            notify_hook=notify_hook,
            generation_type=generation_type,
            persona_id=persona_id,
            artist_clip_id=artist_clip_id,
            cover_clip_id=cover_clip_id,
            infill_start_s=infill_start_s,
            infill_end_s=infill_end_s,
            metadata_params=metadata_params,
            continued_aligned_prompt=continued_aligned_prompt,
            stem_task=stem_task,
            stem_type_id=stem_type_id,
            stem_type_group_name=stem_type_group_name,
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
