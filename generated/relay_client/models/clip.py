from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clip_status import ClipStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clip_metadata import ClipMetadata


T = TypeVar("T", bound="Clip")


@_attrs_define
class Clip:
    """One Suno clip as copied by the upstream (Suno-API SunoSong, new-api SunoSong). URLs may be
    "" in early stages. Real Suno payloads carry further fields (e.g. avatar_image_url,
    has_vocal); a gateway in "official" mode stores camelCase tracks (audioUrl, ...) here.

        Attributes:
            id (None | str | Unset):
            video_url (None | str | Unset):
            audio_url (None | str | Unset):
            image_url (None | str | Unset):
            image_large_url (None | str | Unset):
            is_video_pending (bool | None | Unset):
            major_model_version (None | str | Unset): e.g. "v4".
            model_name (None | str | Unset): e.g. "chirp-v4".
            is_liked (bool | None | Unset):
            user_id (None | str | Unset):
            display_name (None | str | Unset):
            handle (None | str | Unset):
            is_handle_updated (bool | None | Unset):
            is_trashed (bool | None | Unset):
            reaction (Any | Unset): Any value; usually null.
            created_at (None | str | Unset): ISO 8601 time.
            status (ClipStatus | None | Unset):
            title (None | str | Unset):
            play_count (int | None | Unset):
            upvote_count (int | None | Unset):
            is_public (bool | None | Unset):
            metadata (ClipMetadata | None | Unset):
    """

    id: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    audio_url: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    image_large_url: None | str | Unset = UNSET
    is_video_pending: bool | None | Unset = UNSET
    major_model_version: None | str | Unset = UNSET
    model_name: None | str | Unset = UNSET
    is_liked: bool | None | Unset = UNSET
    user_id: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    handle: None | str | Unset = UNSET
    is_handle_updated: bool | None | Unset = UNSET
    is_trashed: bool | None | Unset = UNSET
    reaction: Any | Unset = UNSET
    created_at: None | str | Unset = UNSET
    status: ClipStatus | None | Unset = UNSET
    title: None | str | Unset = UNSET
    play_count: int | None | Unset = UNSET
    upvote_count: int | None | Unset = UNSET
    is_public: bool | None | Unset = UNSET
    metadata: ClipMetadata | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.clip_metadata import ClipMetadata  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        image_large_url: None | str | Unset
        if isinstance(self.image_large_url, Unset):
            image_large_url = UNSET
        else:
            image_large_url = self.image_large_url

        is_video_pending: bool | None | Unset
        if isinstance(self.is_video_pending, Unset):
            is_video_pending = UNSET
        else:
            is_video_pending = self.is_video_pending

        major_model_version: None | str | Unset
        if isinstance(self.major_model_version, Unset):
            major_model_version = UNSET
        else:
            major_model_version = self.major_model_version

        model_name: None | str | Unset
        if isinstance(self.model_name, Unset):
            model_name = UNSET
        else:
            model_name = self.model_name

        is_liked: bool | None | Unset
        if isinstance(self.is_liked, Unset):
            is_liked = UNSET
        else:
            is_liked = self.is_liked

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        handle: None | str | Unset
        if isinstance(self.handle, Unset):
            handle = UNSET
        else:
            handle = self.handle

        is_handle_updated: bool | None | Unset
        if isinstance(self.is_handle_updated, Unset):
            is_handle_updated = UNSET
        else:
            is_handle_updated = self.is_handle_updated

        is_trashed: bool | None | Unset
        if isinstance(self.is_trashed, Unset):
            is_trashed = UNSET
        else:
            is_trashed = self.is_trashed

        reaction = self.reaction

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ClipStatus):
            status = self.status.value
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        play_count: int | None | Unset
        if isinstance(self.play_count, Unset):
            play_count = UNSET
        else:
            play_count = self.play_count

        upvote_count: int | None | Unset
        if isinstance(self.upvote_count, Unset):
            upvote_count = UNSET
        else:
            upvote_count = self.upvote_count

        is_public: bool | None | Unset
        if isinstance(self.is_public, Unset):
            is_public = UNSET
        else:
            is_public = self.is_public

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, ClipMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if image_large_url is not UNSET:
            field_dict["image_large_url"] = image_large_url
        if is_video_pending is not UNSET:
            field_dict["is_video_pending"] = is_video_pending
        if major_model_version is not UNSET:
            field_dict["major_model_version"] = major_model_version
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if is_liked is not UNSET:
            field_dict["is_liked"] = is_liked
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if handle is not UNSET:
            field_dict["handle"] = handle
        if is_handle_updated is not UNSET:
            field_dict["is_handle_updated"] = is_handle_updated
        if is_trashed is not UNSET:
            field_dict["is_trashed"] = is_trashed
        if reaction is not UNSET:
            field_dict["reaction"] = reaction
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if play_count is not UNSET:
            field_dict["play_count"] = play_count
        if upvote_count is not UNSET:
            field_dict["upvote_count"] = upvote_count
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clip_metadata import ClipMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audio_url", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_image_large_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_large_url = _parse_image_large_url(d.pop("image_large_url", UNSET))

        def _parse_is_video_pending(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_video_pending = _parse_is_video_pending(d.pop("is_video_pending", UNSET))

        def _parse_major_model_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        major_model_version = _parse_major_model_version(d.pop("major_model_version", UNSET))

        def _parse_model_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_name = _parse_model_name(d.pop("model_name", UNSET))

        def _parse_is_liked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_liked = _parse_is_liked(d.pop("is_liked", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_handle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handle = _parse_handle(d.pop("handle", UNSET))

        def _parse_is_handle_updated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_handle_updated = _parse_is_handle_updated(d.pop("is_handle_updated", UNSET))

        def _parse_is_trashed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_trashed = _parse_is_trashed(d.pop("is_trashed", UNSET))

        reaction = d.pop("reaction", UNSET)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_status(data: object) -> ClipStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ClipStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClipStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_play_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        play_count = _parse_play_count(d.pop("play_count", UNSET))

        def _parse_upvote_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        upvote_count = _parse_upvote_count(d.pop("upvote_count", UNSET))

        def _parse_is_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_public = _parse_is_public(d.pop("is_public", UNSET))

        def _parse_metadata(data: object) -> ClipMetadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ClipMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClipMetadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        clip = cls(
            id=id,
            video_url=video_url,
            audio_url=audio_url,
            image_url=image_url,
            image_large_url=image_large_url,
            is_video_pending=is_video_pending,
            major_model_version=major_model_version,
            model_name=model_name,
            is_liked=is_liked,
            user_id=user_id,
            display_name=display_name,
            handle=handle,
            is_handle_updated=is_handle_updated,
            is_trashed=is_trashed,
            reaction=reaction,
            created_at=created_at,
            status=status,
            title=title,
            play_count=play_count,
            upvote_count=upvote_count,
            is_public=is_public,
            metadata=metadata,
        )

        clip.additional_properties = d
        return clip

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
