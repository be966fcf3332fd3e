"""sunokit: spec-driven, typed clients for the commercial Suno music-generation APIs.

import sunokit
with sunokit.SunoClient("sunoapi_org", callback_url="https://example.com/hook") as client:
    task = client.generate(sunokit.Description("a calm piano tune about rain"))
files = sunokit.download(task, "songs")   # {track id: saved file}

Only the errors load with the package; every other name loads on first use (PEP 562), so
`import sunokit` costs little more than what it needs: a vendor's generated client, jsonschema,
YAML and rich are imported when something uses them.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    CallbackError,
    ClientValidationError,
    ConfigurationError,
    ConflictError,
    ContentRejectedError,
    InsufficientCreditsError,
    InvalidRequestError,
    MaintenanceError,
    NotFoundError,
    RateLimitError,
    ServerError,
    SunokitError,
    TaskFailedError,
    UnknownValueWarning,
    UnsupportedRequestError,
    WaitTimeoutError,
)

if _TYPE_CHECKING:  # what mypy and editors see; at run time __getattr__ loads these
    from . import callbacks
    from ._batch import BatchEvent, BatchLine, BatchReport, LineResult, arun_batch, run_batch
    from ._client import DEFAULT_TIMEOUT, AsyncSunoClient, SunoClient
    from ._downloads import DownloadError, adownload, download
    from ._journal import Journal, JournalEntry
    from ._models import (
        AudioFile,
        Credits,
        Images,
        Lyrics,
        LyricsVariant,
        Midi,
        MidiInstrument,
        MidiNote,
        Persona,
        Stem,
        Stems,
        Style,
        Task,
        TaskError,
        TaskState,
        TimedLyrics,
        TimedWord,
        Track,
        TrackRef,
        Tracks,
        Upload,
        Video,
        Voice,
        VoiceAvailability,
        VoicePhrase,
    )
    from ._requests import (
        AddInstrumental,
        AddVocals,
        BoostStyle,
        CheckVoice,
        Concat,
        ConvertToWav,
        Cover,
        CreatePersona,
        CreateVoice,
        CustomLyrics,
        Description,
        Extend,
        GenerateCoverImage,
        GenerateLyrics,
        GenerateMidi,
        GenerateSounds,
        GetCredits,
        Inspiration,
        Instrumental,
        MakeVideo,
        Mashup,
        MusicRequest,
        RecoverAudio,
        RegenerateVoicePhrase,
        ReplaceSection,
        Request,
        SeparateStems,
        TimestampedLyrics,
        Tuning,
        UploadBytes,
        UploadCover,
        UploadExtend,
        UploadFromUrl,
        ValidateVoice,
    )
    from ._specs import VENDORS
    from ._validation import Violation, validate

#: The module each lazily loaded name comes from (one entry per module; an export added to
#: the TYPE_CHECKING imports above goes here too: test_exports checks every name in __all__).
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "._batch": (
        "BatchEvent",
        "BatchLine",
        "BatchReport",
        "LineResult",
        "arun_batch",
        "run_batch",
    ),
    "._client": (
        "DEFAULT_TIMEOUT",
        "AsyncSunoClient",
        "SunoClient",
    ),
    "._downloads": (
        "DownloadError",
        "adownload",
        "download",
    ),
    "._journal": (
        "Journal",
        "JournalEntry",
    ),
    "._models": (
        "AudioFile",
        "Credits",
        "Images",
        "Lyrics",
        "LyricsVariant",
        "Midi",
        "MidiInstrument",
        "MidiNote",
        "Persona",
        "Stem",
        "Stems",
        "Style",
        "Task",
        "TaskError",
        "TaskState",
        "TimedLyrics",
        "TimedWord",
        "Track",
        "TrackRef",
        "Tracks",
        "Upload",
        "Video",
        "Voice",
        "VoiceAvailability",
        "VoicePhrase",
    ),
    "._requests": (
        "AddInstrumental",
        "AddVocals",
        "BoostStyle",
        "CheckVoice",
        "Concat",
        "ConvertToWav",
        "Cover",
        "CreatePersona",
        "CreateVoice",
        "CustomLyrics",
        "Description",
        "Extend",
        "GenerateCoverImage",
        "GenerateLyrics",
        "GenerateMidi",
        "GenerateSounds",
        "GetCredits",
        "Inspiration",
        "Instrumental",
        "MakeVideo",
        "Mashup",
        "MusicRequest",
        "RecoverAudio",
        "RegenerateVoicePhrase",
        "ReplaceSection",
        "Request",
        "SeparateStems",
        "TimestampedLyrics",
        "Tuning",
        "UploadBytes",
        "UploadCover",
        "UploadExtend",
        "UploadFromUrl",
        "ValidateVoice",
    ),
    "._specs": ("VENDORS",),
    "._validation": (
        "Violation",
        "validate",
    ),
}
_LAZY: dict[str, str] = {name: module for module, names in _LAZY_MODULES.items() for name in names}

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_TIMEOUT",
    "VENDORS",
    "APIConnectionError",
    "APIError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AddInstrumental",
    "AddVocals",
    "AsyncSunoClient",
    "AudioFile",
    "AuthenticationError",
    "BatchEvent",
    "BatchLine",
    "BatchReport",
    "BoostStyle",
    "CallbackError",
    "CheckVoice",
    "ClientValidationError",
    "Concat",
    "ConfigurationError",
    "ConflictError",
    "ContentRejectedError",
    "ConvertToWav",
    "Cover",
    "CreatePersona",
    "CreateVoice",
    "Credits",
    "CustomLyrics",
    "Description",
    "DownloadError",
    "Extend",
    "GenerateCoverImage",
    "GenerateLyrics",
    "GenerateMidi",
    "GenerateSounds",
    "GetCredits",
    "Images",
    "Inspiration",
    "Instrumental",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "Journal",
    "JournalEntry",
    "LineResult",
    "Lyrics",
    "LyricsVariant",
    "MaintenanceError",
    "MakeVideo",
    "Mashup",
    "Midi",
    "MidiInstrument",
    "MidiNote",
    "MusicRequest",
    "NotFoundError",
    "Persona",
    "RateLimitError",
    "RecoverAudio",
    "RegenerateVoicePhrase",
    "ReplaceSection",
    "Request",
    "SeparateStems",
    "ServerError",
    "Stem",
    "Stems",
    "Style",
    "SunoClient",
    "SunokitError",
    "Task",
    "TaskError",
    "TaskFailedError",
    "TaskState",
    "TimedLyrics",
    "TimedWord",
    "TimestampedLyrics",
    "Track",
    "TrackRef",
    "Tracks",
    "Tuning",
    "UnknownValueWarning",
    "UnsupportedRequestError",
    "Upload",
    "UploadBytes",
    "UploadCover",
    "UploadExtend",
    "UploadFromUrl",
    "ValidateVoice",
    "Video",
    "Violation",
    "Voice",
    "VoiceAvailability",
    "VoicePhrase",
    "WaitTimeoutError",
    "__version__",
    "adownload",
    "arun_batch",
    "callbacks",
    "download",
    "run_batch",
    "validate",
]


def __getattr__(name: str) -> _Any:
    """Load a public name on first use, then keep it in the module (no second lookup)."""
    if name == "callbacks":
        return _importlib.import_module(".callbacks", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
