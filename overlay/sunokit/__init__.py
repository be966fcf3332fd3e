"""sunokit: spec-driven, typed clients for the commercial Suno music-generation APIs.

import sunokit
with sunokit.SunoClient("sunoapi_org", callback_url="https://example.com/hook") as client:
    task = client.generate(sunokit.Description("a calm piano tune about rain"))
files = sunokit.download(task, "songs")   # {track id: saved file}
"""

from __future__ import annotations

from . import callbacks
from ._batch import BatchEvent, BatchLine, BatchReport, LineResult, arun_batch, run_batch
from ._client import DEFAULT_TIMEOUT, AsyncSunoClient, SunoClient
from ._downloads import DownloadError, adownload, download
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
    UnsupportedRequestError,
    WaitTimeoutError,
)
from ._journal import Journal, JournalEntry
from ._models import Credits, Lyrics, LyricsVariant, Task, TaskError, TaskState, Track
from ._requests import (
    CustomLyrics,
    Description,
    Extend,
    GenerateLyrics,
    GetCredits,
    Inspiration,
    Instrumental,
    MusicRequest,
    Request,
    Tuning,
)
from ._specs import VENDORS
from ._validation import Violation, validate

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_TIMEOUT",
    "VENDORS",
    "APIConnectionError",
    "APIError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncSunoClient",
    "AuthenticationError",
    "BatchEvent",
    "BatchLine",
    "BatchReport",
    "CallbackError",
    "ClientValidationError",
    "ConfigurationError",
    "ConflictError",
    "ContentRejectedError",
    "Credits",
    "CustomLyrics",
    "Description",
    "DownloadError",
    "Extend",
    "GenerateLyrics",
    "GetCredits",
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
    "MusicRequest",
    "NotFoundError",
    "RateLimitError",
    "Request",
    "ServerError",
    "SunoClient",
    "SunokitError",
    "Task",
    "TaskError",
    "TaskFailedError",
    "TaskState",
    "Track",
    "Tuning",
    "UnsupportedRequestError",
    "Violation",
    "WaitTimeoutError",
    "__version__",
    "adownload",
    "arun_batch",
    "callbacks",
    "download",
    "run_batch",
    "validate",
]
