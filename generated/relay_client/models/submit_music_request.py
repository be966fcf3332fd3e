from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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
