from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lyrics_status import LyricsStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lyrics_task_metadata_type_0 import LyricsTaskMetadataType0


T = TypeVar("T", bound="LyricsTask")


@_attrs_define
class LyricsTask:
    """
    Attributes:
        task_id (str):
        status (LyricsStatus): State of a lyrics task (v1 get-lyrics page).
        input_ (None | str | Unset): The request as a JSON string.
        title (None | str | Unset):
        text (None | str | Unset): The lyrics.
        metadata (LyricsTaskMetadataType0 | None | Unset):
    """

    task_id: str
    status: LyricsStatus
    input_: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    text: None | str | Unset = UNSET
    metadata: LyricsTaskMetadataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lyrics_task_metadata_type_0 import LyricsTaskMetadataType0  # noqa: PLC0415

        task_id = self.task_id

        status = self.status.value

        input_: None | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        else:
            input_ = self.input_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, LyricsTaskMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
            }
        )
        if input_ is not UNSET:
            field_dict["input"] = input_
        if title is not UNSET:
            field_dict["title"] = title
        if text is not UNSET:
            field_dict["text"] = text
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lyrics_task_metadata_type_0 import LyricsTaskMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("task_id")

        status = LyricsStatus(d.pop("status"))

        def _parse_input_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_metadata(data: object) -> LyricsTaskMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = LyricsTaskMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LyricsTaskMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        lyrics_task = cls(
            task_id=task_id,
            status=status,
            input_=input_,
            title=title,
            text=text,
            metadata=metadata,
        )

        lyrics_task.additional_properties = d
        return lyrics_task

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
