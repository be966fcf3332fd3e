from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_code import CallbackCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lyrics_callback_data import LyricsCallbackData


T = TypeVar("T", bound="LyricsCallback")


@_attrs_define
class LyricsCallback:
    """Body POSTed to the callBackUrl of Generate Lyrics.

    Attributes:
        code (CallbackCode): Outcome carried by a callback; anything but 200 is a failure.
        data (LyricsCallbackData):
        msg (None | str | Unset):
    """

    code: CallbackCode
    data: LyricsCallbackData
    msg: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        data = self.data.to_dict()

        msg: None | str | Unset
        if isinstance(self.msg, Unset):
            msg = UNSET
        else:
            msg = self.msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
            }
        )
        if msg is not UNSET:
            field_dict["msg"] = msg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lyrics_callback_data import LyricsCallbackData  # noqa: PLC0415

        d = dict(src_dict)
        code = CallbackCode(d.pop("code"))

        data = LyricsCallbackData.from_dict(d.pop("data"))

        def _parse_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        msg = _parse_msg(d.pop("msg", UNSET))

        lyrics_callback = cls(
            code=code,
            data=data,
            msg=msg,
        )

        lyrics_callback.additional_properties = d
        return lyrics_callback

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
