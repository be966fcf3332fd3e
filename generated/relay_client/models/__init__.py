"""Contains all the data models used in inputs/outputs (each module imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES = {
    "AlignedWord": ".aligned_word",
    "AsyncTaskMeta": ".async_task_meta",
    "Clip": ".clip",
    "ClipMetadata": ".clip_metadata",
    "ClipStatus": ".clip_status",
    "ConcatRequest": ".concat_request",
    "CreatePersonaRequest": ".create_persona_request",
    "ErrorResponse": ".error_response",
    "FetchTasksRequest": ".fetch_tasks_request",
    "GatewayError": ".gateway_error",
    "InfillMetadataParams": ".infill_metadata_params",
    "InfillMetadataParamsMetadata": ".infill_metadata_params_metadata",
    "LyricsV1Response": ".lyrics_v1_response",
    "LyricsV1Status": ".lyrics_v1_status",
    "PersonaResponse": ".persona_response",
    "ResponseCode": ".response_code",
    "StemClipsResponse": ".stem_clips_response",
    "SubmitLyricsRequest": ".submit_lyrics_request",
    "SubmitMusicRequest": ".submit_music_request",
    "SubmitMusicResponse": ".submit_music_response",
    "TaskAction": ".task_action",
    "TaskDto": ".task_dto",
    "TaskListResponse": ".task_list_response",
    "TaskLyrics": ".task_lyrics",
    "TaskProperties": ".task_properties",
    "TaskResponse": ".task_response",
    "TaskStatus": ".task_status",
    "TimingResponse": ".timing_response",
    "UploadAudioUrlRequest": ".upload_audio_url_request",
    "UpsampleTagsRequest": ".upsample_tags_request",
}

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


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
