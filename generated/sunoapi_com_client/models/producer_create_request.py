from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProducerCreateRequest")


@_attrs_define
class ProducerCreateRequest:
    """Body of producer_create (create-producer-music page example; field list cut off).

    Attributes:
        task_type (str | Unset): create_music (documented); other producer operations are named, their values not
            captured.
        mv (str | Unset): Producer model, e.g. FUZZ-2.0.
        sound (str | Unset): Sound / style description.
        lyrics (str | Unset):
        title (str | Unset): Less than 80 characters (examples page says max 80).
        lyrics_strength (float | Unset):
        sound_strength (float | Unset):
        make_instrumental (bool | Unset):
        webhook_url (str | Unset):
        webhook_secret (str | Unset):
    """

    task_type: str | Unset = UNSET
    mv: str | Unset = UNSET
    sound: str | Unset = UNSET
    lyrics: str | Unset = UNSET
    title: str | Unset = UNSET
    lyrics_strength: float | Unset = UNSET
    sound_strength: float | Unset = UNSET
    make_instrumental: bool | Unset = UNSET
    webhook_url: str | Unset = UNSET
    webhook_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_type = self.task_type

        mv = self.mv

        sound = self.sound

        lyrics = self.lyrics

        title = self.title

        lyrics_strength = self.lyrics_strength

        sound_strength = self.sound_strength

        make_instrumental = self.make_instrumental

        webhook_url = self.webhook_url

        webhook_secret = self.webhook_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_type is not UNSET:
            field_dict["task_type"] = task_type
        if mv is not UNSET:
            field_dict["mv"] = mv
        if sound is not UNSET:
            field_dict["sound"] = sound
        if lyrics is not UNSET:
            field_dict["lyrics"] = lyrics
        if title is not UNSET:
            field_dict["title"] = title
        if lyrics_strength is not UNSET:
            field_dict["lyrics_strength"] = lyrics_strength
        if sound_strength is not UNSET:
            field_dict["sound_strength"] = sound_strength
        if make_instrumental is not UNSET:
            field_dict["make_instrumental"] = make_instrumental
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if webhook_secret is not UNSET:
            field_dict["webhook_secret"] = webhook_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_type = d.pop("task_type", UNSET)

        mv = d.pop("mv", UNSET)

        sound = d.pop("sound", UNSET)

        lyrics = d.pop("lyrics", UNSET)

        title = d.pop("title", UNSET)

        lyrics_strength = d.pop("lyrics_strength", UNSET)

        sound_strength = d.pop("sound_strength", UNSET)

        make_instrumental = d.pop("make_instrumental", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        webhook_secret = d.pop("webhook_secret", UNSET)

        producer_create_request = cls(
            task_type=task_type,
            mv=mv,
            sound=sound,
            lyrics=lyrics,
            title=title,
            lyrics_strength=lyrics_strength,
            sound_strength=sound_strength,
            make_instrumental=make_instrumental,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
        )

        producer_create_request.additional_properties = d
        return producer_create_request

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
