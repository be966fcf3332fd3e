from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_track_status import RecoveryTrackStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecoveryTrack")


@_attrs_define
class RecoveryTrack:
    """
    Attributes:
        id (str | Unset): The original audioId.
        audio_url (None | str | Unset): Only on success; may be an .m4a file.
        title (None | str | Unset): Only on success.
        status (RecoveryTrackStatus | Unset): Outcome of one track of a recovery.
        error (None | str | Unset): Empty on success; documented values no_audio_id_mappings, account_missing,
            get_tokens_failed, feed_failed, clip_error, clip_not_complete, mango_transfer_failed.
    """

    id: str | Unset = UNSET
    audio_url: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    status: RecoveryTrackStatus | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        audio_url: None | str | Unset
        if isinstance(self.audio_url, Unset):
            audio_url = UNSET
        else:
            audio_url = self.audio_url

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_audio_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_url = _parse_audio_url(d.pop("audio_url", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _status = d.pop("status", UNSET)
        status: RecoveryTrackStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RecoveryTrackStatus(_status)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        recovery_track = cls(
            id=id,
            audio_url=audio_url,
            title=title,
            status=status,
            error=error,
        )

        recovery_track.additional_properties = d
        return recovery_track

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
