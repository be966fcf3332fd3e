from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_action import TaskAction
from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.async_task_meta import AsyncTaskMeta
    from ..models.clip import Clip
    from ..models.task_lyrics import TaskLyrics
    from ..models.task_properties import TaskProperties


T = TypeVar("T", bound="TaskDto")


@_attrs_define
class TaskDto:
    """The gateway's task record (new-api TaskDto). Only task_id and status are guaranteed:
    older gateways return the slim shape (task_id, action, status, fail_reason, submit_time,
    start_time, finish_time, progress, data).

        Attributes:
            task_id (str): The id returned by submit_music.
            status (TaskStatus): Task state in the gateway's task record (new-api model/task.go, upstream po/task.go).
            id (int | None | Unset): Row id in the gateway.
            created_at (int | None | str | Unset): Unix seconds (new-api) or ISO string (upstream).
            updated_at (int | None | str | Unset): Unix seconds (new-api) or ISO string (upstream).
            platform (None | str | Unset): "suno".
            user_id (int | None | Unset):
            group (None | str | Unset):
            channel_id (int | None | Unset):
            quota (int | None | Unset): Quota charged.
            action (None | TaskAction | Unset):
            fail_reason (None | str | Unset):
            result_url (None | str | Unset):
            submit_time (int | None | Unset): Unix seconds; 0 = not yet.
            start_time (int | None | Unset): Unix seconds; 0 = not yet.
            finish_time (int | None | Unset): Unix seconds (milliseconds in "official" mode); 0 = not yet.
            progress (None | str | Unset): "0%" ... "100%".
            properties (None | TaskProperties | Unset):
            username (None | str | Unset):
            search_item (None | str | Unset): Upstream Suno-API only.
            notify_hook (None | str | Unset): Shown in the new-api docs' LYRICS example; no stock TaskDto emits it.
            data (list[Clip] | None | TaskLyrics | Unset): MUSIC - the list of clips; LYRICS - one lyrics object; null
                before the upstream reports.
            async_ (AsyncTaskMeta | None | Unset):
    """

    task_id: str
    status: TaskStatus
    id: int | None | Unset = UNSET
    created_at: int | None | str | Unset = UNSET
    updated_at: int | None | str | Unset = UNSET
    platform: None | str | Unset = UNSET
    user_id: int | None | Unset = UNSET
    group: None | str | Unset = UNSET
    channel_id: int | None | Unset = UNSET
    quota: int | None | Unset = UNSET
    action: None | TaskAction | Unset = UNSET
    fail_reason: None | str | Unset = UNSET
    result_url: None | str | Unset = UNSET
    submit_time: int | None | Unset = UNSET
    start_time: int | None | Unset = UNSET
    finish_time: int | None | Unset = UNSET
    progress: None | str | Unset = UNSET
    properties: None | TaskProperties | Unset = UNSET
    username: None | str | Unset = UNSET
    search_item: None | str | Unset = UNSET
    notify_hook: None | str | Unset = UNSET
    data: list[Clip] | None | TaskLyrics | Unset = UNSET
    async_: AsyncTaskMeta | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.async_task_meta import AsyncTaskMeta  # noqa: PLC0415
        from ..models.task_lyrics import TaskLyrics  # noqa: PLC0415
        from ..models.task_properties import TaskProperties  # noqa: PLC0415

        task_id = self.task_id

        status = self.status.value

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        created_at: int | None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        group: None | str | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        channel_id: int | None | Unset
        if isinstance(self.channel_id, Unset):
            channel_id = UNSET
        else:
            channel_id = self.channel_id

        quota: int | None | Unset
        if isinstance(self.quota, Unset):
            quota = UNSET
        else:
            quota = self.quota

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, TaskAction):
            action = self.action.value
        else:
            action = self.action

        fail_reason: None | str | Unset
        if isinstance(self.fail_reason, Unset):
            fail_reason = UNSET
        else:
            fail_reason = self.fail_reason

        result_url: None | str | Unset
        if isinstance(self.result_url, Unset):
            result_url = UNSET
        else:
            result_url = self.result_url

        submit_time: int | None | Unset
        if isinstance(self.submit_time, Unset):
            submit_time = UNSET
        else:
            submit_time = self.submit_time

        start_time: int | None | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        finish_time: int | None | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        progress: None | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        properties: dict[str, Any] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, TaskProperties):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        search_item: None | str | Unset
        if isinstance(self.search_item, Unset):
            search_item = UNSET
        else:
            search_item = self.search_item

        notify_hook: None | str | Unset
        if isinstance(self.notify_hook, Unset):
            notify_hook = UNSET
        else:
            notify_hook = self.notify_hook

        data: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)

        elif isinstance(self.data, TaskLyrics):
            data = self.data.to_dict()
        else:
            data = self.data

        async_: dict[str, Any] | None | Unset
        if isinstance(self.async_, Unset):
            async_ = UNSET
        elif isinstance(self.async_, AsyncTaskMeta):
            async_ = self.async_.to_dict()
        else:
            async_ = self.async_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if platform is not UNSET:
            field_dict["platform"] = platform
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if group is not UNSET:
            field_dict["group"] = group
        if channel_id is not UNSET:
            field_dict["channel_id"] = channel_id
        if quota is not UNSET:
            field_dict["quota"] = quota
        if action is not UNSET:
            field_dict["action"] = action
        if fail_reason is not UNSET:
            field_dict["fail_reason"] = fail_reason
        if result_url is not UNSET:
            field_dict["result_url"] = result_url
        if submit_time is not UNSET:
            field_dict["submit_time"] = submit_time
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if finish_time is not UNSET:
            field_dict["finish_time"] = finish_time
        if progress is not UNSET:
            field_dict["progress"] = progress
        if properties is not UNSET:
            field_dict["properties"] = properties
        if username is not UNSET:
            field_dict["username"] = username
        if search_item is not UNSET:
            field_dict["search_item"] = search_item
        if notify_hook is not UNSET:
            field_dict["notify_hook"] = notify_hook
        if data is not UNSET:
            field_dict["data"] = data
        if async_ is not UNSET:
            field_dict["async"] = async_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.async_task_meta import AsyncTaskMeta  # noqa: PLC0415
        from ..models.clip import Clip  # noqa: PLC0415
        from ..models.task_lyrics import TaskLyrics  # noqa: PLC0415
        from ..models.task_properties import TaskProperties  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("task_id")

        status = TaskStatus(d.pop("status"))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_created_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        def _parse_channel_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        channel_id = _parse_channel_id(d.pop("channel_id", UNSET))

        def _parse_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota = _parse_quota(d.pop("quota", UNSET))

        def _parse_action(data: object) -> None | TaskAction | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_0 = TaskAction(data)

                return action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskAction | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_fail_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fail_reason = _parse_fail_reason(d.pop("fail_reason", UNSET))

        def _parse_result_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_url = _parse_result_url(d.pop("result_url", UNSET))

        def _parse_submit_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        submit_time = _parse_submit_time(d.pop("submit_time", UNSET))

        def _parse_start_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_finish_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        finish_time = _parse_finish_time(d.pop("finish_time", UNSET))

        def _parse_progress(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_properties(data: object) -> None | TaskProperties | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                properties_type_0 = TaskProperties.from_dict(data)

                return properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskProperties | Unset, data)

        properties = _parse_properties(d.pop("properties", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_search_item(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        search_item = _parse_search_item(d.pop("search_item", UNSET))

        def _parse_notify_hook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notify_hook = _parse_notify_hook(d.pop("notify_hook", UNSET))

        def _parse_data(data: object) -> list[Clip] | None | TaskLyrics | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _data_type_0:
                    data_type_0_item = Clip.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = TaskLyrics.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Clip] | None | TaskLyrics | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_async_(data: object) -> AsyncTaskMeta | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                async_type_0 = AsyncTaskMeta.from_dict(data)

                return async_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AsyncTaskMeta | None | Unset, data)

        async_ = _parse_async_(d.pop("async", UNSET))

        task_dto = cls(
            task_id=task_id,
            status=status,
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            platform=platform,
            user_id=user_id,
            group=group,
            channel_id=channel_id,
            quota=quota,
            action=action,
            fail_reason=fail_reason,
            result_url=result_url,
            submit_time=submit_time,
            start_time=start_time,
            finish_time=finish_time,
            progress=progress,
            properties=properties,
            username=username,
            search_item=search_item,
            notify_hook=notify_hook,
            data=data,
            async_=async_,
        )

        task_dto.additional_properties = d
        return task_dto

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
