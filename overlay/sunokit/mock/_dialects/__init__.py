"""Per-vendor wire formats of the mock, one module per dialect, and their registry.

`_base` holds what every dialect shares (the answer record, the error envelope, state
lookups); `_kie` speaks SunoAPI.org and Apikley, `_sunosay`, `_sunoapi_com` and `_relay` the
others. Codes and states come from the specs (`.._spec`); a dialect writes only shapes.
"""

from __future__ import annotations

from ._base import Answer, Dialect, media_url
from ._kie import KieDialect
from ._relay import RelayDialect
from ._sunoapi_com import SunoapiComDialect
from ._sunosay import SunosayDialect

__all__ = ["Answer", "Dialect", "dialect_for", "media_url"]

_DIALECTS: dict[str, type[Dialect]] = {
    "sunoapi_org": KieDialect,
    "apikley": KieDialect,
    "sunosay": SunosayDialect,
    "sunoapi_com": SunoapiComDialect,
    "relay": RelayDialect,
}


def dialect_for(vendor: str) -> Dialect:
    return _DIALECTS[vendor](vendor)
