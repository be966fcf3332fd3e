"""Contains all the data models used in inputs/outputs"""

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
