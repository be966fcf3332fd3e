"""JSON Schema formats that sunokit asserts: `uri` (RFC 3986), the one request schemas use.

JSON Schema 2020-12 makes `format` an annotation, and jsonschema's own `uri` check needs the
optional rfc3987 package; a vendor (and Prism, and schemathesis) rejects a callback URL that is
no URI, so local validation asserts it with this checker.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jsonschema import FormatChecker

__all__ = ["format_checker", "is_uri"]

# RFC 3986 `URI` (absolute, ASCII only): what JSON Schema's `format: uri` asserts.
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_SEGMENT = rf"{_PCHAR}*"
_URI_PATTERN = re.compile(
    rf"""
    [A-Za-z][A-Za-z0-9+.\-]*:                                   # scheme
    (?:
        //
        (?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?          # userinfo
        (?P<host>\[[^\]/?#@]*\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)
        (?::[0-9]*)?                                             # port
        (?:/{_SEGMENT})*                                         # path-abempty
      | /(?:{_PCHAR}+(?:/{_SEGMENT})*)?                          # path-absolute
      | {_PCHAR}+(?:/{_SEGMENT})*                                # path-rootless
      |                                                          # path-empty
    )
    (?:\?(?:{_PCHAR}|[/?])*)?                                   # query
    (?:\#(?:{_PCHAR}|[/?])*)?                                   # fragment
    """,
    re.VERBOSE,
)
_IP_FUTURE = re.compile(rf"v[0-9A-Fa-f]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+")


def is_uri(value: str) -> bool:
    """Whether `value` is an RFC 3986 URI (scheme required; IRIs and spaces are not)."""
    match = _URI_PATTERN.fullmatch(value)
    if match is None:
        return False
    host = match.group("host") or ""
    if not host.startswith("["):
        return True
    literal = host[1:-1]
    if _IP_FUTURE.fullmatch(literal):
        return True
    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return "%" not in literal  # no zone ids in an RFC 3986 IP-literal


def _uri_format(instance: object) -> bool:
    return not isinstance(instance, str) or is_uri(instance)  # `type` judges non-strings


@functools.cache
def format_checker() -> FormatChecker:
    """jsonschema's checker of the formats sunokit asserts (jsonschema imported on first use:
    jsonschema_rs's fast path asserts `uri` with `is_uri` alone)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("uri")(_uri_format)
    return checker
