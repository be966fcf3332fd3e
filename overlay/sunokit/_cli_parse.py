"""`sunokit parse VENDOR {submit,task,callback} [FILE|-] [--operation KIND]`: a vendor body as a
neutral task (a callback of any kind its spec documents)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import callbacks
from ._adapters import get_adapter
from ._adapters._base import RawResponse
from ._errors import SunokitError
from ._models import Task
from ._specs import VENDORS

__all__ = ["run_parse"]


def read_source(source: str, stdin: TextIO) -> str:
    if source in ("", "-"):
        text = stdin.read()
    else:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
    return text.removeprefix("\ufeff")  # a byte order mark, as `check` tolerates it


def run_parse(
    vendor: str,
    kind: str,
    source: str,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    *,
    operation: str | None = None,
) -> int:
    """`operation` (callbacks only) names the callback's kind; without it the body says."""
    if vendor not in VENDORS:
        stderr.write(f"sunokit: unknown vendor {vendor!r}; choose one of: {', '.join(VENDORS)}\n")
        return 2
    if operation is not None and kind != "callback":
        stderr.write("sunokit: --operation applies to a callback body only\n")
        return 2
    try:
        text = read_source(source, stdin)
    except (OSError, UnicodeDecodeError) as error:
        stderr.write(f"sunokit: cannot read {source}: {error}\n")
        return 2
    try:
        if kind == "callback":
            task = callbacks.parse(vendor, text, operation=operation)
        else:
            body: Any = json.loads(text)
            if not isinstance(body, dict):
                raise ValueError(
                    f"a {vendor} {kind} body is a JSON object, got {type(body).__name__}"
                )
            adapter = get_adapter(vendor)
            role = "submit" if kind == "submit" else "status"
            # The client's own path: the generated model's parse, then the adapter.
            raw = RawResponse(200, {}, text.encode(), parsed=adapter.parse_success(role, body))
            refusal = adapter.map_error(raw)
            if refusal is not None:
                stderr.write(f"sunokit: {vendor} answered with an error: {refusal}\n")
                return 1
            if kind == "submit":
                task_id = adapter.task_id_from_submit(raw)
                task = Task(vendor=vendor, task_id=task_id, state="queued", raw=raw.parsed)
            else:
                task = adapter.task_from_status("", raw)
    except SunokitError as error:
        # the library says operation=; here it is an option
        stderr.write(f"sunokit: {str(error).replace('pass operation=', 'pass --operation')}\n")
        return 1
    except RecursionError:
        stderr.write(f"sunokit: this {vendor} {kind} body is nested too deeply to read\n")
        return 1
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        stderr.write(
            f"sunokit: cannot understand this {vendor} {kind} body: {type(error).__name__}: {error}\n"
        )
        return 1
    stdout.write(json.dumps(_printed(task), indent=2, ensure_ascii=False) + "\n")
    return 0


def _printed(task: Task) -> dict[str, Any]:
    """The task's JSON form plus its `dedupe_key` (a list, or null), which `to_dict()` leaves
    out: a receiver built on `parse` needs it to drop repeated deliveries."""
    key = None if task.dedupe_key is None else list(task.dedupe_key)
    return {**task.to_dict(), "dedupe_key": key}
