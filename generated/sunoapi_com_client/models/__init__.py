"""Contains all the data models used in inputs/outputs (each module imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clip import Clip
    from .clip_request import ClipRequest
    from .clip_state import ClipState
    from .create_accepted import CreateAccepted
    from .credits_response import CreditsResponse
    from .error_response import ErrorResponse
    from .lyrics_status import LyricsStatus
    from .lyrics_task import LyricsTask
    from .lyrics_task_metadata_type_0 import LyricsTaskMetadataType0
    from .lyrics_task_response import LyricsTaskResponse
    from .make_lyrics_request import MakeLyricsRequest
    from .midi_data import MidiData
    from .midi_instrument import MidiInstrument
    from .midi_note import MidiNote
    from .midi_response import MidiResponse
    from .music_model import MusicModel
    from .persona_request import PersonaRequest
    from .persona_response import PersonaResponse
    from .producer_create_request import ProducerCreateRequest
    from .response_code import ResponseCode
    from .submit_music_request import SubmitMusicRequest
    from .submit_music_request_task_type import SubmitMusicRequestTaskType
    from .submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
    from .submit_music_response import SubmitMusicResponse
    from .task_id_data import TaskIdData
    from .task_response import TaskResponse
    from .upload_request import UploadRequest
    from .upload_response import UploadResponse
    from .wav_data import WavData
    from .wav_response import WavResponse
    from .webhook_payload import WebhookPayload

_MODULES = {
    "Clip": ".clip",
    "ClipRequest": ".clip_request",
    "ClipState": ".clip_state",
    "CreateAccepted": ".create_accepted",
    "CreditsResponse": ".credits_response",
    "ErrorResponse": ".error_response",
    "LyricsStatus": ".lyrics_status",
    "LyricsTask": ".lyrics_task",
    "LyricsTaskMetadataType0": ".lyrics_task_metadata_type_0",
    "LyricsTaskResponse": ".lyrics_task_response",
    "MakeLyricsRequest": ".make_lyrics_request",
    "MidiData": ".midi_data",
    "MidiInstrument": ".midi_instrument",
    "MidiNote": ".midi_note",
    "MidiResponse": ".midi_response",
    "MusicModel": ".music_model",
    "PersonaRequest": ".persona_request",
    "PersonaResponse": ".persona_response",
    "ProducerCreateRequest": ".producer_create_request",
    "ResponseCode": ".response_code",
    "SubmitMusicRequest": ".submit_music_request",
    "SubmitMusicRequestTaskType": ".submit_music_request_task_type",
    "SubmitMusicRequestVocalGender": ".submit_music_request_vocal_gender",
    "SubmitMusicResponse": ".submit_music_response",
    "TaskIdData": ".task_id_data",
    "TaskResponse": ".task_response",
    "UploadRequest": ".upload_request",
    "UploadResponse": ".upload_response",
    "WavData": ".wav_data",
    "WavResponse": ".wav_response",
    "WebhookPayload": ".webhook_payload",
}

__all__ = (
    "Clip",
    "ClipRequest",
    "ClipState",
    "CreateAccepted",
    "CreditsResponse",
    "ErrorResponse",
    "LyricsStatus",
    "LyricsTask",
    "LyricsTaskMetadataType0",
    "LyricsTaskResponse",
    "MakeLyricsRequest",
    "MidiData",
    "MidiInstrument",
    "MidiNote",
    "MidiResponse",
    "MusicModel",
    "PersonaRequest",
    "PersonaResponse",
    "ProducerCreateRequest",
    "ResponseCode",
    "SubmitMusicRequest",
    "SubmitMusicRequestTaskType",
    "SubmitMusicRequestVocalGender",
    "SubmitMusicResponse",
    "TaskIdData",
    "TaskResponse",
    "UploadRequest",
    "UploadResponse",
    "WavData",
    "WavResponse",
    "WebhookPayload",
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
