from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditsResponse")


@_attrs_define
class CreditsResponse:
    """Credit balance (no envelope).

    Attributes:
        credits_ (float): Remaining credits.
        extra_credits (float | Unset): Extra (one-time pack) credits.
    """

    credits_: float
    extra_credits: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credits_ = self.credits_

        extra_credits = self.extra_credits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credits": credits_,
            }
        )
        if extra_credits is not UNSET:
            field_dict["extra_credits"] = extra_credits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credits_ = d.pop("credits")

        extra_credits = d.pop("extra_credits", UNSET)

        credits_response = cls(
            credits_=credits_,
            extra_credits=extra_credits,
        )

        credits_response.additional_properties = d
        return credits_response

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
