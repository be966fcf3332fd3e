"""The sidecar: what a command knows about its task, kept in `--out` and safe against crashes.

`<task id>.json` is the task's JSON form (`Task.to_dict()`) plus what the command knows:

    request       the request that was submitted (mode and fields; null when unknown)
    status        where the command is, or what ended it: submitted | waiting | fetched |
                  downloaded | failed | timed_out | download_failed | interrupted |
                  terminated | error
    last_error    the message of the error that ended the command, or null
    files         {track id: saved file or null}
    submitted_at  when the vendor accepted the task (ISO 8601, UTC; null when unknown)
    updated_at    when this file was last written

It is written as soon as the vendor accepts the task, then on every change of state, and
last when the command ends, whatever ends it. Each write goes to a temporary file in the same
directory, is flushed to disk and renamed over the old one (then the directory is flushed):
a crash leaves either the previous version or the new one, never half a file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._downloads import safe_name, write_atomically
from ._models import Task

__all__ = ["Sidecar", "sidecar_path", "write_atomically"]

# The task's own fields in a sidecar: those of Task.to_dict().
_TASK_FIELDS = tuple(Task(vendor="", task_id="", state="unknown").to_dict())


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _read(path: Path) -> dict[str, Any] | None:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _belongs(document: Mapping[str, Any] | None, vendor: str, task_id: str) -> bool:
    return document is not None and (document.get("vendor"), document.get("task_id")) == (
        vendor,
        task_id,
    )


def sidecar_path(out: Path, vendor: str, task_id: str) -> Path:
    """`<task id>.json` in `out`. A task id that is not a safe file name gets a hash of itself
    appended (two ids never share a file); a file already holding another vendor's task of
    the same id is left alone for `<task id>.<vendor>.json`."""
    name = safe_name(task_id, "task")
    if name != task_id:
        name = f"{name}-{hashlib.sha256(task_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    path = out / f"{name}.json"
    document = _read(path) if path.exists() else None
    if document is not None and not _belongs(document, vendor, task_id):
        path = out / f"{name}.{vendor}.json"
    return path


class Sidecar:
    """The sidecar of one task in `out`; `record()` writes what is known now."""

    def __init__(
        self, out: Path, vendor: str, task_id: str, *, request: Mapping[str, Any] | None
    ) -> None:
        self.path = sidecar_path(out, vendor, task_id)
        self.vendor = vendor
        self.task_id = task_id
        previous = _read(self.path)
        previous = previous if _belongs(previous, vendor, task_id) else None
        #: The last document written (or found on disk from an earlier command), or None.
        self.document: dict[str, Any] | None = previous
        self._request = dict(request) if request is not None else (previous or {}).get("request")
        self._submitted_at = (previous or {}).get("submitted_at")

    def record(
        self,
        status: str,
        *,
        task: Task | None = None,
        files: Mapping[str, Path | None] | None = None,
        error: str | None = None,
    ) -> dict[str, Any] | None:
        """Write the sidecar with `status` and the newest task; returns the document, or None
        when nothing is known of the task yet (no answer and no earlier sidecar)."""
        if task is not None:
            fields = task.to_dict()
        elif self.document is not None:
            fields = {key: self.document.get(key) for key in _TASK_FIELDS}
        else:
            return None
        if status == "submitted" and self._submitted_at is None:
            self._submitted_at = _now()
        previous_files = (self.document or {}).get("files")
        document = {
            **fields,
            "request": self._request,
            "status": status,
            "last_error": error,
            "files": (
                {track: str(path) if path else None for track, path in files.items()}
                if files is not None
                else previous_files
                if isinstance(previous_files, dict)
                else {}
            ),
            "submitted_at": self._submitted_at,
            "updated_at": _now(),
        }
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        # A lone surrogate a vendor sent in a title is kept as its JSON escape.
        write_atomically(self.path, text.encode("utf-8", "backslashreplace"))
        self.document = document
        return document
