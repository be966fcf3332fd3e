"""Contains all the data models used in inputs/outputs"""

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
