"""Contains all the data models used in inputs/outputs"""

from .async_task_meta import AsyncTaskMeta
from .clip import Clip
from .clip_metadata import ClipMetadata
from .clip_status import ClipStatus
from .error_response import ErrorResponse
from .fetch_tasks_request import FetchTasksRequest
from .gateway_error import GatewayError
from .response_code import ResponseCode
from .submit_music_request import SubmitMusicRequest
from .submit_music_response import SubmitMusicResponse
from .task_action import TaskAction
from .task_dto import TaskDto
from .task_list_response import TaskListResponse
from .task_lyrics import TaskLyrics
from .task_properties import TaskProperties
from .task_response import TaskResponse
from .task_status import TaskStatus

__all__ = (
    "AsyncTaskMeta",
    "Clip",
    "ClipMetadata",
    "ClipStatus",
    "ErrorResponse",
    "FetchTasksRequest",
    "GatewayError",
    "ResponseCode",
    "SubmitMusicRequest",
    "SubmitMusicResponse",
    "TaskAction",
    "TaskDto",
    "TaskListResponse",
    "TaskLyrics",
    "TaskProperties",
    "TaskResponse",
    "TaskStatus",
)
