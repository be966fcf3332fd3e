"""Contains all the data models used in inputs/outputs"""

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
