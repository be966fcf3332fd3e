from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitLyricsRequest")


@_attrs_define
class SubmitLyricsRequest:
    """Body of POST /suno/submit/lyrics (new-api SunoSubmitReq, LYRICS action).

    Attributes:
        prompt (str): The theme of the lyrics; required (400 invalid_request "prompt_empty").
        notify_hook (str | Unset): 回调地址 - documented callback URL; stock new-api drops it and no delivery format is
            documented.
    """

    prompt: str
    notify_hook: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        notify_hook = self.notify_hook

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if notify_hook is not UNSET:
            field_dict["notify_hook"] = notify_hook

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        notify_hook = d.pop("notify_hook", UNSET)

        submit_lyrics_request = cls(
            prompt=prompt,
            notify_hook=notify_hook,
        )

        submit_lyrics_request.additional_properties = d
        return submit_lyrics_request

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
