"""One adapter per vendor family: wire formats, response parsing, error mapping."""

from __future__ import annotations

import importlib
from typing import Any

from .._bindings import Binding
from .._specs import check_vendor
from ._base import Adapter, Call

__all__ = ["REQUEST_ONLY", "Adapter", "Call", "bindings", "get_adapter"]

#: Each vendor's family module (its adapter class, and its `BINDINGS` beyond music: music goes
#: through the adapters). A family is imported when its vendor is first used, so a client
#: loads only its own vendor's generated package.
_FAMILIES: dict[str, tuple[str, str]] = {
    "sunoapi_org": ("._kie", "KieAdapter"),
    "apikley": ("._kie", "KieAdapter"),
    "sunoapi_com": ("._sunoapi_com", "SunoapiComAdapter"),
    "sunosay": ("._sunosay", "SunosayAdapter"),
    "relay": ("._relay", "RelayAdapter"),
}


#: Spec operations reachable only through `client.request()` (no typed binding yet), with why.
#: A test fails when a spec operation is neither bound, polled by a binding, music (the
#: adapters) nor listed here, and when an entry names an operation the spec lacks.
_MULTIPART_UPLOAD = (
    "multipart upload: UploadBytes sends the same file base64-encoded as JSON; the multipart "
    "form is client.request('upload_file_stream', ...)"
)
REQUEST_ONLY: dict[str, dict[str, str]] = {
    "sunoapi_org": {"upload_file_stream": _MULTIPART_UPLOAD},
    "apikley": {"upload_file_stream": _MULTIPART_UPLOAD},
    "sunoapi_com": {
        "producer_create": (
            "the Producer (FUZZ) line, a product of its own whose answers were not captured: "
            "client.request('producer_create', {...})"
        ),
        "producer_get": "the Producer task: client.request('producer_get', params={'task_id': ...})",
    },
    "relay": {
        "fetch_tasks": "batch status of many tasks: client.request('fetch_tasks', {'ids': [...]})",
        "upload_audio_url": (
            "gateway extension (modelverse): answers a Suno clip id, not a file URL as "
            "UploadFromUrl's Upload; client.request('upload_audio_url', {'url': ...})"
        ),
        "get_stems": (
            "gateway extension (apifox): a GET with the clip id in the path, answering queued "
            "stem clips no documented call follows; client.request('get_stems', params=...)"
        ),
        "upsample_tags": (
            "gateway extension (ccapi): the finished task's data is not documented, so no "
            "typed Style can be read; client.request('upsample_tags', {'tags': ...})"
        ),
        "get_lyrics_v1": (
            "gateway extension (yutoai): another read of a lyrics task; GenerateLyrics polls "
            "get_task, which every gateway has; client.request('get_lyrics_v1', params=...)"
        ),
    },
}


def bindings(vendor: str) -> tuple[Binding, ...]:
    """The vendor's bindings whose operation its spec has."""
    check_vendor(vendor)
    family: tuple[Binding, ...] = _family(vendor).BINDINGS
    return tuple(b for b in family if b.offered_by(vendor))


def get_adapter(vendor: str) -> Adapter:
    check_vendor(vendor)
    adapter: Any = getattr(_family(vendor), _FAMILIES[vendor][1])
    made: Adapter = adapter(vendor) if vendor in ("sunoapi_org", "apikley") else adapter()
    return made


def _family(vendor: str) -> Any:
    return importlib.import_module(_FAMILIES[vendor][0], __name__)
