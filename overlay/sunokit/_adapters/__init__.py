"""One adapter per vendor family: wire formats, response parsing, error mapping."""

from __future__ import annotations

from .._bindings import Binding
from .._specs import check_vendor
from . import _kie, _relay, _sunoapi_com, _sunosay
from ._base import Adapter, Call
from ._kie import KieAdapter
from ._relay import RelayAdapter
from ._sunoapi_com import SunoapiComAdapter
from ._sunosay import SunosayAdapter

__all__ = ["REQUEST_ONLY", "Adapter", "Call", "bindings", "get_adapter"]

#: Each family's bindings beyond music (music goes through the adapters).
_FAMILY_BINDINGS: dict[str, tuple[Binding, ...]] = {
    "sunoapi_org": _kie.BINDINGS,
    "apikley": _kie.BINDINGS,
    "sunoapi_com": _sunoapi_com.BINDINGS,
    "sunosay": _sunosay.BINDINGS,
    "relay": _relay.BINDINGS,
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
        "stems_full": (
            "the 12-track split: client.request('stems_full', {'clip_id': ...}), then get() "
            "its task_id (SeparateStems is bound to the 2-track stems_basic; a full=True "
            "request is refused naming this operation)"
        ),
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
        "get_timing": (
            "gateway extension (yutoai, rixapi): a GET with the clip id in the path; "
            "client.request('get_timing', params={'clip_id': ...})"
        ),
    },
}


def bindings(vendor: str) -> tuple[Binding, ...]:
    """The vendor's bindings whose operation its spec has."""
    check_vendor(vendor)
    return tuple(b for b in _FAMILY_BINDINGS[vendor] if b.offered_by(vendor))


def get_adapter(vendor: str) -> Adapter:
    check_vendor(vendor)
    if vendor in ("sunoapi_org", "apikley"):
        return KieAdapter(vendor)
    if vendor == "sunoapi_com":
        return SunoapiComAdapter()
    if vendor == "sunosay":
        return SunosayAdapter()
    return RelayAdapter()
