"""Contains all the data models used in inputs/outputs"""

from .callback_code import CallbackCode
from .callback_track import CallbackTrack
from .callback_type import CallbackType
from .convert_to_wav_request import ConvertToWavRequest
from .error_response import ErrorResponse
from .extend_music_request import ExtendMusicRequest
from .extend_music_request_vocal_gender import ExtendMusicRequestVocalGender
from .generate_lyrics_request import GenerateLyricsRequest
from .lyrics_callback import LyricsCallback
from .lyrics_callback_data import LyricsCallbackData
from .lyrics_callback_type import LyricsCallbackType
from .lyrics_details_response import LyricsDetailsResponse
from .lyrics_item import LyricsItem
from .lyrics_item_status import LyricsItemStatus
from .lyrics_record import LyricsRecord
from .lyrics_result import LyricsResult
from .lyrics_task_status import LyricsTaskStatus
from .model import Model
from .music_callback import MusicCallback
from .music_callback_data import MusicCallbackData
from .response_code import ResponseCode
from .separate_stems_request import SeparateStemsRequest
from .stem_separation_type import StemSeparationType
from .stems_callback import StemsCallback
from .stems_callback_data import StemsCallbackData
from .stems_callback_info import StemsCallbackInfo
from .stems_details_response import StemsDetailsResponse
from .stems_origin_item import StemsOriginItem
from .stems_record import StemsRecord
from .stems_result import StemsResult
from .stems_task_state import StemsTaskState
from .submit_music_request import SubmitMusicRequest
from .submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
from .submit_music_response import SubmitMusicResponse
from .task_callback_code import TaskCallbackCode
from .task_id_data import TaskIdData
from .task_record import TaskRecord
from .task_response import TaskResponse
from .task_result import TaskResult
from .task_status import TaskStatus
from .track import Track
from .wav_callback import WavCallback
from .wav_callback_data import WavCallbackData
from .wav_details_response import WavDetailsResponse
from .wav_record import WavRecord
from .wav_response_code import WavResponseCode
from .wav_result import WavResult
from .wav_task_created_response import WavTaskCreatedResponse
from .wav_task_state import WavTaskState

__all__ = (
    "CallbackCode",
    "CallbackTrack",
    "CallbackType",
    "ConvertToWavRequest",
    "ErrorResponse",
    "ExtendMusicRequest",
    "ExtendMusicRequestVocalGender",
    "GenerateLyricsRequest",
    "LyricsCallback",
    "LyricsCallbackData",
    "LyricsCallbackType",
    "LyricsDetailsResponse",
    "LyricsItem",
    "LyricsItemStatus",
    "LyricsRecord",
    "LyricsResult",
    "LyricsTaskStatus",
    "Model",
    "MusicCallback",
    "MusicCallbackData",
    "ResponseCode",
    "SeparateStemsRequest",
    "StemsCallback",
    "StemsCallbackData",
    "StemsCallbackInfo",
    "StemsDetailsResponse",
    "StemSeparationType",
    "StemsOriginItem",
    "StemsRecord",
    "StemsResult",
    "StemsTaskState",
    "SubmitMusicRequest",
    "SubmitMusicRequestVocalGender",
    "SubmitMusicResponse",
    "TaskCallbackCode",
    "TaskIdData",
    "TaskRecord",
    "TaskResponse",
    "TaskResult",
    "TaskStatus",
    "Track",
    "WavCallback",
    "WavCallbackData",
    "WavDetailsResponse",
    "WavRecord",
    "WavResponseCode",
    "WavResult",
    "WavTaskCreatedResponse",
    "WavTaskState",
)
