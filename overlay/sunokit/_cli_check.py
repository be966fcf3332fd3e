"""`sunokit check VENDOR [FILE|-]`: validate a wire-format request body against the vendor's spec.

Exit status: 0 valid, 1 invalid (one `path: message` line per violation on stdout, `(body)`
for the body itself), 2 when the input cannot be read, is not JSON, or the vendor is unknown
(one line on stderr, no traceback).
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from ._errors import ConfigurationError
from ._specs import check_vendor
from ._validation import validate

__all__ = ["run_check"]

STDIN = "-"


def _fail(stderr: TextIO, message: str) -> int:
    stderr.write("sunokit check: " + " ".join(message.split()) + "\n")
    return 2


def _read(source: str, stdin: TextIO | None) -> str:
    if source in ("", STDIN):
        return (stdin if stdin is not None else sys.stdin).read()
    with open(source, encoding="utf-8") as handle:
        return handle.read()


def run_check(
    vendor: str,
    source: str,
    stdout: TextIO,
    stderr: TextIO,
    stdin: TextIO | None = None,
    *,
    role: str = "submit",
) -> int:
    """Validate the JSON in `source` (a file name; "-" or "" for `stdin`) as a `vendor` request."""
    try:
        check_vendor(vendor)
    except ConfigurationError as error:
        return _fail(stderr, str(error))
    name = "stdin" if source in ("", STDIN) else source
    try:
        text = _read(source, stdin)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return _fail(stderr, f"cannot read {name}: {reason}")
    try:
        body: Any = json.loads(text.removeprefix("\ufeff"))
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        return _fail(stderr, f"{name} is not valid JSON: {error}")
    except RecursionError:
        return _fail(stderr, f"{name} is nested too deeply to read")
    try:
        violations = validate(vendor, body, role=role)
    except ConfigurationError as error:
        return _fail(stderr, str(error))
    except RecursionError:
        return _fail(stderr, f"{name} is nested too deeply to check")
    if not violations:
        stdout.write(f"ok: valid {vendor} request\n")
        return 0
    for violation in violations:
        stdout.write(f"{violation}\n")
    return 1
