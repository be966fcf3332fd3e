"""Contains all the data models used in inputs/outputs"""

from .aligned_word import AlignedWord
from .async_task_meta import AsyncTaskMeta
from .clip import Clip
from .clip_metadata import ClipMetadata
from .clip_status import ClipStatus
from .concat_request import ConcatRequest
from .create_persona_request import CreatePersonaRequest
from .error_response import ErrorResponse
from .fetch_tasks_request import FetchTasksRequest
from .gateway_error import GatewayError
from .infill_metadata_params import InfillMetadataParams
from .infill_metadata_params_metadata import InfillMetadataParamsMetadata
from .lyrics_v1_response import LyricsV1Response
from .lyrics_v1_status import LyricsV1Status
from .persona_response import PersonaResponse
from .response_code import ResponseCode
from .stem_clips_response import StemClipsResponse
from .submit_lyrics_request import SubmitLyricsRequest
from .submit_music_request import SubmitMusicRequest
from .submit_music_response import SubmitMusicResponse
from .task_action import TaskAction
from .task_dto import TaskDto
from .task_list_response import TaskListResponse
from .task_lyrics import TaskLyrics
from .task_properties import TaskProperties
from .task_response import TaskResponse
from .task_status import TaskStatus
from .timing_response import TimingResponse
from .upload_audio_url_request import UploadAudioUrlRequest
from .upsample_tags_request import UpsampleTagsRequest

__all__ = (
    "AlignedWord",
    "AsyncTaskMeta",
    "Clip",
    "ClipMetadata",
    "ClipStatus",
    "ConcatRequest",
    "CreatePersonaRequest",
    "ErrorResponse",
    "FetchTasksRequest",
    "GatewayError",
    "InfillMetadataParams",
    "InfillMetadataParamsMetadata",
    "LyricsV1Response",
    "LyricsV1Status",
    "PersonaResponse",
    "ResponseCode",
    "StemClipsResponse",
    "SubmitLyricsRequest",
    "SubmitMusicRequest",
    "SubmitMusicResponse",
    "TaskAction",
    "TaskDto",
    "TaskListResponse",
    "TaskLyrics",
    "TaskProperties",
    "TaskResponse",
    "TaskStatus",
    "TimingResponse",
    "UploadAudioUrlRequest",
    "UpsampleTagsRequest",
)
