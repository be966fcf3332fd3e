"""Contains all the data models used in inputs/outputs"""

from .callback_code import CallbackCode
from .callback_track import CallbackTrack
from .callback_type import CallbackType
from .error_response import ErrorResponse
from .extend_music_request import ExtendMusicRequest
from .extend_music_request_vocal_gender import ExtendMusicRequestVocalGender
from .model import Model
from .music_callback import MusicCallback
from .music_callback_data import MusicCallbackData
from .response_code import ResponseCode
from .submit_music_request import SubmitMusicRequest
from .submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
from .submit_music_response import SubmitMusicResponse
from .task_id_data import TaskIdData
from .task_record import TaskRecord
from .task_response import TaskResponse
from .task_result import TaskResult
from .task_status import TaskStatus
from .track import Track

__all__ = (
    "CallbackCode",
    "CallbackTrack",
    "CallbackType",
    "ErrorResponse",
    "ExtendMusicRequest",
    "ExtendMusicRequestVocalGender",
    "Model",
    "MusicCallback",
    "MusicCallbackData",
    "ResponseCode",
    "SubmitMusicRequest",
    "SubmitMusicRequestVocalGender",
    "SubmitMusicResponse",
    "TaskIdData",
    "TaskRecord",
    "TaskResponse",
    "TaskResult",
    "TaskStatus",
    "Track",
)
