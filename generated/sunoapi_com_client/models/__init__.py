"""Contains all the data models used in inputs/outputs"""

from .clip import Clip
from .clip_state import ClipState
from .credits_response import CreditsResponse
from .error_response import ErrorResponse
from .response_code import ResponseCode
from .submit_music_request import SubmitMusicRequest
from .submit_music_response import SubmitMusicResponse
from .task_id_data import TaskIdData
from .task_response import TaskResponse
from .webhook_payload import WebhookPayload

__all__ = (
    "Clip",
    "ClipState",
    "CreditsResponse",
    "ErrorResponse",
    "ResponseCode",
    "SubmitMusicRequest",
    "SubmitMusicResponse",
    "TaskIdData",
    "TaskResponse",
    "WebhookPayload",
)
