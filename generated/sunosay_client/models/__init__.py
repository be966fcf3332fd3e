"""Contains all the data models used in inputs/outputs (each module imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clip import Clip
    from .clip_status import ClipStatus
    from .error_response import ErrorResponse
    from .extend_instrumental_request import ExtendInstrumentalRequest
    from .extend_music_request import ExtendMusicRequest
    from .generate_instrumental_request import GenerateInstrumentalRequest
    from .generate_lyrics_request import GenerateLyricsRequest
    from .get_task_request import GetTaskRequest
    from .lyrics_task_response import LyricsTaskResponse
    from .lyrics_task_status import LyricsTaskStatus
    from .model import Model
    from .response_code import ResponseCode
    from .submit_music_request import SubmitMusicRequest
    from .submit_music_response import SubmitMusicResponse
    from .task_lyrics import TaskLyrics
    from .task_prompt import TaskPrompt
    from .task_response import TaskResponse
    from .task_status import TaskStatus

_MODULES = {
    "Clip": ".clip",
    "ClipStatus": ".clip_status",
    "ErrorResponse": ".error_response",
    "ExtendInstrumentalRequest": ".extend_instrumental_request",
    "ExtendMusicRequest": ".extend_music_request",
    "GenerateInstrumentalRequest": ".generate_instrumental_request",
    "GenerateLyricsRequest": ".generate_lyrics_request",
    "GetTaskRequest": ".get_task_request",
    "LyricsTaskResponse": ".lyrics_task_response",
    "LyricsTaskStatus": ".lyrics_task_status",
    "Model": ".model",
    "ResponseCode": ".response_code",
    "SubmitMusicRequest": ".submit_music_request",
    "SubmitMusicResponse": ".submit_music_response",
    "TaskLyrics": ".task_lyrics",
    "TaskPrompt": ".task_prompt",
    "TaskResponse": ".task_response",
    "TaskStatus": ".task_status",
}

__all__ = (
    "Clip",
    "ClipStatus",
    "ErrorResponse",
    "ExtendInstrumentalRequest",
    "ExtendMusicRequest",
    "GenerateInstrumentalRequest",
    "GenerateLyricsRequest",
    "GetTaskRequest",
    "LyricsTaskResponse",
    "LyricsTaskStatus",
    "Model",
    "ResponseCode",
    "SubmitMusicRequest",
    "SubmitMusicResponse",
    "TaskLyrics",
    "TaskPrompt",
    "TaskResponse",
    "TaskStatus",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
