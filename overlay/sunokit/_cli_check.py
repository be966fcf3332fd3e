"""`sunokit check VENDOR [FILE|-]`: validate a wire-format request body."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from ._specs import VENDORS
from ._validation import validate

__all__ = ["run_check"]


def run_check(
    vendor: str, source: str, stdout: TextIO, stderr: TextIO, stdin: TextIO | None = None
) -> int:
    """Exit 0 valid, 1 invalid (one `path: message` line per violation), 2 unreadable input."""
    if vendor not in VENDORS:
        stderr.write(f"sunokit: unknown vendor {vendor!r}; choose one of: {', '.join(VENDORS)}\n")
        return 2
    try:
        if source in ("", "-"):
            text = (stdin or sys.stdin).read()
        else:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
        body = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        stderr.write(f"sunokit: cannot read {source}: {error}\n")
        return 2
    except ValueError as error:
        stderr.write(
            f"sunokit: {source if source not in ('', '-') else 'stdin'} is not JSON: {error}\n"
        )
        return 2
    violations = validate(vendor, body)
    if not violations:
        stdout.write(f"ok: valid {vendor} request\n")
        return 0
    for violation in violations:
        stdout.write(f"{violation}\n")
    return 1
