"""Contains all the data models used in inputs/outputs (each module imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .add_audio_model import AddAudioModel
    from .add_instrumental_request import AddInstrumentalRequest
    from .add_instrumental_request_vocal_gender import AddInstrumentalRequestVocalGender
    from .add_vocals_request import AddVocalsRequest
    from .add_vocals_request_vocal_gender import AddVocalsRequestVocalGender
    from .aligned_word import AlignedWord
    from .boost_style_request import BoostStyleRequest
    from .boost_style_response import BoostStyleResponse
    from .boost_style_result import BoostStyleResult
    from .callback_code import CallbackCode
    from .callback_track import CallbackTrack
    from .callback_type import CallbackType
    from .check_voice_request import CheckVoiceRequest
    from .convert_to_wav_request import ConvertToWavRequest
    from .cover_image_callback import CoverImageCallback
    from .cover_image_callback_data import CoverImageCallbackData
    from .cover_image_details_response import CoverImageDetailsResponse
    from .cover_image_record import CoverImageRecord
    from .cover_image_response_code import CoverImageResponseCode
    from .cover_image_result import CoverImageResult
    from .cover_image_task_created_response import CoverImageTaskCreatedResponse
    from .cover_image_task_state import CoverImageTaskState
    from .create_music_video_request import CreateMusicVideoRequest
    from .create_voice_request import CreateVoiceRequest
    from .credits_response import CreditsResponse
    from .error_response import ErrorResponse
    from .extend_music_request import ExtendMusicRequest
    from .extend_music_request_persona_model import ExtendMusicRequestPersonaModel
    from .extend_music_request_vocal_gender import ExtendMusicRequestVocalGender
    from .generate_cover_image_request import GenerateCoverImageRequest
    from .generate_lyrics_request import GenerateLyricsRequest
    from .generate_midi_request import GenerateMidiRequest
    from .generate_persona_request import GeneratePersonaRequest
    from .generate_sounds_request import GenerateSoundsRequest
    from .kie_error_response import KieErrorResponse
    from .kie_response_code import KieResponseCode
    from .kie_task_response import KieTaskResponse
    from .lyrics_callback import LyricsCallback
    from .lyrics_callback_data import LyricsCallbackData
    from .lyrics_callback_type import LyricsCallbackType
    from .lyrics_details_response import LyricsDetailsResponse
    from .lyrics_item import LyricsItem
    from .lyrics_item_status import LyricsItemStatus
    from .lyrics_record import LyricsRecord
    from .lyrics_result import LyricsResult
    from .lyrics_task_status import LyricsTaskStatus
    from .mashup_request import MashupRequest
    from .mashup_request_vocal_gender import MashupRequestVocalGender
    from .midi_callback import MidiCallback
    from .midi_data import MidiData
    from .midi_details_response import MidiDetailsResponse
    from .midi_instrument import MidiInstrument
    from .midi_note import MidiNote
    from .midi_record import MidiRecord
    from .midi_state import MidiState
    from .midi_task_state import MidiTaskState
    from .model import Model
    from .music_callback import MusicCallback
    from .music_callback_data import MusicCallbackData
    from .persona import Persona
    from .persona_response import PersonaResponse
    from .recover_audio_request import RecoverAudioRequest
    from .recovery_callback import RecoveryCallback
    from .recovery_details_response import RecoveryDetailsResponse
    from .recovery_response_code import RecoveryResponseCode
    from .recovery_task_created_response import RecoveryTaskCreatedResponse
    from .recovery_task_id_data import RecoveryTaskIdData
    from .recovery_track import RecoveryTrack
    from .recovery_track_status import RecoveryTrackStatus
    from .regenerate_voice_validation_request import RegenerateVoiceValidationRequest
    from .replace_section_request import ReplaceSectionRequest
    from .response_code import ResponseCode
    from .separate_stems_request import SeparateStemsRequest
    from .singer_skill_level import SingerSkillLevel
    from .sounds_model import SoundsModel
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
    from .submit_music_request_persona_model import SubmitMusicRequestPersonaModel
    from .submit_music_request_vocal_gender import SubmitMusicRequestVocalGender
    from .submit_music_response import SubmitMusicResponse
    from .task_callback_code import TaskCallbackCode
    from .task_id_data import TaskIdData
    from .task_record import TaskRecord
    from .task_response import TaskResponse
    from .task_result import TaskResult
    from .task_status import TaskStatus
    from .timestamped_lyrics import TimestampedLyrics
    from .timestamped_lyrics_request import TimestampedLyricsRequest
    from .timestamped_lyrics_response import TimestampedLyricsResponse
    from .track import Track
    from .upload_base_64_request import UploadBase64Request
    from .upload_cover_request import UploadCoverRequest
    from .upload_cover_request_vocal_gender import UploadCoverRequestVocalGender
    from .upload_extend_request import UploadExtendRequest
    from .upload_extend_request_vocal_gender import UploadExtendRequestVocalGender
    from .upload_model import UploadModel
    from .upload_response import UploadResponse
    from .upload_response_code import UploadResponseCode
    from .upload_stream_request import UploadStreamRequest
    from .upload_url_request import UploadUrlRequest
    from .uploaded_file import UploadedFile
    from .validate_voice_request import ValidateVoiceRequest
    from .video_callback import VideoCallback
    from .video_callback_code import VideoCallbackCode
    from .video_callback_data import VideoCallbackData
    from .video_details_response import VideoDetailsResponse
    from .video_record import VideoRecord
    from .video_response_code import VideoResponseCode
    from .video_result import VideoResult
    from .video_task_created_response import VideoTaskCreatedResponse
    from .video_task_state import VideoTaskState
    from .voice_callback import VoiceCallback
    from .voice_callback_code import VoiceCallbackCode
    from .voice_check_data import VoiceCheckData
    from .voice_check_response import VoiceCheckResponse
    from .voice_details_response import VoiceDetailsResponse
    from .voice_record import VoiceRecord
    from .voice_status import VoiceStatus
    from .voice_validation_callback import VoiceValidationCallback
    from .voice_validation_record import VoiceValidationRecord
    from .voice_validation_response import VoiceValidationResponse
    from .wav_callback import WavCallback
    from .wav_callback_data import WavCallbackData
    from .wav_details_response import WavDetailsResponse
    from .wav_record import WavRecord
    from .wav_response_code import WavResponseCode
    from .wav_result import WavResult
    from .wav_task_created_response import WavTaskCreatedResponse
    from .wav_task_state import WavTaskState

_MODULES = {
    "AddAudioModel": ".add_audio_model",
    "AddInstrumentalRequest": ".add_instrumental_request",
    "AddInstrumentalRequestVocalGender": ".add_instrumental_request_vocal_gender",
    "AddVocalsRequest": ".add_vocals_request",
    "AddVocalsRequestVocalGender": ".add_vocals_request_vocal_gender",
    "AlignedWord": ".aligned_word",
    "BoostStyleRequest": ".boost_style_request",
    "BoostStyleResponse": ".boost_style_response",
    "BoostStyleResult": ".boost_style_result",
    "CallbackCode": ".callback_code",
    "CallbackTrack": ".callback_track",
    "CallbackType": ".callback_type",
    "CheckVoiceRequest": ".check_voice_request",
    "ConvertToWavRequest": ".convert_to_wav_request",
    "CoverImageCallback": ".cover_image_callback",
    "CoverImageCallbackData": ".cover_image_callback_data",
    "CoverImageDetailsResponse": ".cover_image_details_response",
    "CoverImageRecord": ".cover_image_record",
    "CoverImageResponseCode": ".cover_image_response_code",
    "CoverImageResult": ".cover_image_result",
    "CoverImageTaskCreatedResponse": ".cover_image_task_created_response",
    "CoverImageTaskState": ".cover_image_task_state",
    "CreateMusicVideoRequest": ".create_music_video_request",
    "CreateVoiceRequest": ".create_voice_request",
    "CreditsResponse": ".credits_response",
    "ErrorResponse": ".error_response",
    "ExtendMusicRequest": ".extend_music_request",
    "ExtendMusicRequestPersonaModel": ".extend_music_request_persona_model",
    "ExtendMusicRequestVocalGender": ".extend_music_request_vocal_gender",
    "GenerateCoverImageRequest": ".generate_cover_image_request",
    "GenerateLyricsRequest": ".generate_lyrics_request",
    "GenerateMidiRequest": ".generate_midi_request",
    "GeneratePersonaRequest": ".generate_persona_request",
    "GenerateSoundsRequest": ".generate_sounds_request",
    "KieErrorResponse": ".kie_error_response",
    "KieResponseCode": ".kie_response_code",
    "KieTaskResponse": ".kie_task_response",
    "LyricsCallback": ".lyrics_callback",
    "LyricsCallbackData": ".lyrics_callback_data",
    "LyricsCallbackType": ".lyrics_callback_type",
    "LyricsDetailsResponse": ".lyrics_details_response",
    "LyricsItem": ".lyrics_item",
    "LyricsItemStatus": ".lyrics_item_status",
    "LyricsRecord": ".lyrics_record",
    "LyricsResult": ".lyrics_result",
    "LyricsTaskStatus": ".lyrics_task_status",
    "MashupRequest": ".mashup_request",
    "MashupRequestVocalGender": ".mashup_request_vocal_gender",
    "MidiCallback": ".midi_callback",
    "MidiData": ".midi_data",
    "MidiDetailsResponse": ".midi_details_response",
    "MidiInstrument": ".midi_instrument",
    "MidiNote": ".midi_note",
    "MidiRecord": ".midi_record",
    "MidiState": ".midi_state",
    "MidiTaskState": ".midi_task_state",
    "Model": ".model",
    "MusicCallback": ".music_callback",
    "MusicCallbackData": ".music_callback_data",
    "Persona": ".persona",
    "PersonaResponse": ".persona_response",
    "RecoverAudioRequest": ".recover_audio_request",
    "RecoveryCallback": ".recovery_callback",
    "RecoveryDetailsResponse": ".recovery_details_response",
    "RecoveryResponseCode": ".recovery_response_code",
    "RecoveryTaskCreatedResponse": ".recovery_task_created_response",
    "RecoveryTaskIdData": ".recovery_task_id_data",
    "RecoveryTrack": ".recovery_track",
    "RecoveryTrackStatus": ".recovery_track_status",
    "RegenerateVoiceValidationRequest": ".regenerate_voice_validation_request",
    "ReplaceSectionRequest": ".replace_section_request",
    "ResponseCode": ".response_code",
    "SeparateStemsRequest": ".separate_stems_request",
    "SingerSkillLevel": ".singer_skill_level",
    "SoundsModel": ".sounds_model",
    "StemSeparationType": ".stem_separation_type",
    "StemsCallback": ".stems_callback",
    "StemsCallbackData": ".stems_callback_data",
    "StemsCallbackInfo": ".stems_callback_info",
    "StemsDetailsResponse": ".stems_details_response",
    "StemsOriginItem": ".stems_origin_item",
    "StemsRecord": ".stems_record",
    "StemsResult": ".stems_result",
    "StemsTaskState": ".stems_task_state",
    "SubmitMusicRequest": ".submit_music_request",
    "SubmitMusicRequestPersonaModel": ".submit_music_request_persona_model",
    "SubmitMusicRequestVocalGender": ".submit_music_request_vocal_gender",
    "SubmitMusicResponse": ".submit_music_response",
    "TaskCallbackCode": ".task_callback_code",
    "TaskIdData": ".task_id_data",
    "TaskRecord": ".task_record",
    "TaskResponse": ".task_response",
    "TaskResult": ".task_result",
    "TaskStatus": ".task_status",
    "TimestampedLyrics": ".timestamped_lyrics",
    "TimestampedLyricsRequest": ".timestamped_lyrics_request",
    "TimestampedLyricsResponse": ".timestamped_lyrics_response",
    "Track": ".track",
    "UploadBase64Request": ".upload_base_64_request",
    "UploadCoverRequest": ".upload_cover_request",
    "UploadCoverRequestVocalGender": ".upload_cover_request_vocal_gender",
    "UploadExtendRequest": ".upload_extend_request",
    "UploadExtendRequestVocalGender": ".upload_extend_request_vocal_gender",
    "UploadModel": ".upload_model",
    "UploadResponse": ".upload_response",
    "UploadResponseCode": ".upload_response_code",
    "UploadStreamRequest": ".upload_stream_request",
    "UploadUrlRequest": ".upload_url_request",
    "UploadedFile": ".uploaded_file",
    "ValidateVoiceRequest": ".validate_voice_request",
    "VideoCallback": ".video_callback",
    "VideoCallbackCode": ".video_callback_code",
    "VideoCallbackData": ".video_callback_data",
    "VideoDetailsResponse": ".video_details_response",
    "VideoRecord": ".video_record",
    "VideoResponseCode": ".video_response_code",
    "VideoResult": ".video_result",
    "VideoTaskCreatedResponse": ".video_task_created_response",
    "VideoTaskState": ".video_task_state",
    "VoiceCallback": ".voice_callback",
    "VoiceCallbackCode": ".voice_callback_code",
    "VoiceCheckData": ".voice_check_data",
    "VoiceCheckResponse": ".voice_check_response",
    "VoiceDetailsResponse": ".voice_details_response",
    "VoiceRecord": ".voice_record",
    "VoiceStatus": ".voice_status",
    "VoiceValidationCallback": ".voice_validation_callback",
    "VoiceValidationRecord": ".voice_validation_record",
    "VoiceValidationResponse": ".voice_validation_response",
    "WavCallback": ".wav_callback",
    "WavCallbackData": ".wav_callback_data",
    "WavDetailsResponse": ".wav_details_response",
    "WavRecord": ".wav_record",
    "WavResponseCode": ".wav_response_code",
    "WavResult": ".wav_result",
    "WavTaskCreatedResponse": ".wav_task_created_response",
    "WavTaskState": ".wav_task_state",
}

__all__ = (
    "AddAudioModel",
    "AddInstrumentalRequest",
    "AddInstrumentalRequestVocalGender",
    "AddVocalsRequest",
    "AddVocalsRequestVocalGender",
    "AlignedWord",
    "BoostStyleRequest",
    "BoostStyleResponse",
    "BoostStyleResult",
    "CallbackCode",
    "CallbackTrack",
    "CallbackType",
    "CheckVoiceRequest",
    "ConvertToWavRequest",
    "CoverImageCallback",
    "CoverImageCallbackData",
    "CoverImageDetailsResponse",
    "CoverImageRecord",
    "CoverImageResponseCode",
    "CoverImageResult",
    "CoverImageTaskCreatedResponse",
    "CoverImageTaskState",
    "CreateMusicVideoRequest",
    "CreateVoiceRequest",
    "CreditsResponse",
    "ErrorResponse",
    "ExtendMusicRequest",
    "ExtendMusicRequestPersonaModel",
    "ExtendMusicRequestVocalGender",
    "GenerateCoverImageRequest",
    "GenerateLyricsRequest",
    "GenerateMidiRequest",
    "GeneratePersonaRequest",
    "GenerateSoundsRequest",
    "KieErrorResponse",
    "KieResponseCode",
    "KieTaskResponse",
    "LyricsCallback",
    "LyricsCallbackData",
    "LyricsCallbackType",
    "LyricsDetailsResponse",
    "LyricsItem",
    "LyricsItemStatus",
    "LyricsRecord",
    "LyricsResult",
    "LyricsTaskStatus",
    "MashupRequest",
    "MashupRequestVocalGender",
    "MidiCallback",
    "MidiData",
    "MidiDetailsResponse",
    "MidiInstrument",
    "MidiNote",
    "MidiRecord",
    "MidiState",
    "MidiTaskState",
    "Model",
    "MusicCallback",
    "MusicCallbackData",
    "Persona",
    "PersonaResponse",
    "RecoverAudioRequest",
    "RecoveryCallback",
    "RecoveryDetailsResponse",
    "RecoveryResponseCode",
    "RecoveryTaskCreatedResponse",
    "RecoveryTaskIdData",
    "RecoveryTrack",
    "RecoveryTrackStatus",
    "RegenerateVoiceValidationRequest",
    "ReplaceSectionRequest",
    "ResponseCode",
    "SeparateStemsRequest",
    "SingerSkillLevel",
    "SoundsModel",
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
    "SubmitMusicRequestPersonaModel",
    "SubmitMusicRequestVocalGender",
    "SubmitMusicResponse",
    "TaskCallbackCode",
    "TaskIdData",
    "TaskRecord",
    "TaskResponse",
    "TaskResult",
    "TaskStatus",
    "TimestampedLyrics",
    "TimestampedLyricsRequest",
    "TimestampedLyricsResponse",
    "Track",
    "UploadBase64Request",
    "UploadCoverRequest",
    "UploadCoverRequestVocalGender",
    "UploadedFile",
    "UploadExtendRequest",
    "UploadExtendRequestVocalGender",
    "UploadModel",
    "UploadResponse",
    "UploadResponseCode",
    "UploadStreamRequest",
    "UploadUrlRequest",
    "ValidateVoiceRequest",
    "VideoCallback",
    "VideoCallbackCode",
    "VideoCallbackData",
    "VideoDetailsResponse",
    "VideoRecord",
    "VideoResponseCode",
    "VideoResult",
    "VideoTaskCreatedResponse",
    "VideoTaskState",
    "VoiceCallback",
    "VoiceCallbackCode",
    "VoiceCheckData",
    "VoiceCheckResponse",
    "VoiceDetailsResponse",
    "VoiceRecord",
    "VoiceStatus",
    "VoiceValidationCallback",
    "VoiceValidationRecord",
    "VoiceValidationResponse",
    "WavCallback",
    "WavCallbackData",
    "WavDetailsResponse",
    "WavRecord",
    "WavResponseCode",
    "WavResult",
    "WavTaskCreatedResponse",
    "WavTaskState",
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
