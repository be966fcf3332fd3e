"""One adapter per vendor family: wire formats, response parsing, error mapping."""

from __future__ import annotations

from .._specs import check_vendor
from ._base import Adapter, Call
from ._kie import KieAdapter
from ._relay import RelayAdapter
from ._sunoapi_com import SunoapiComAdapter
from ._sunosay import SunosayAdapter

__all__ = ["Adapter", "Call", "get_adapter"]


def get_adapter(vendor: str) -> Adapter:
    check_vendor(vendor)
    if vendor in ("sunoapi_org", "apikley"):
        return KieAdapter(vendor)
    if vendor == "sunoapi_com":
        return SunoapiComAdapter()
    if vendor == "sunosay":
        return SunosayAdapter()
    return RelayAdapter()
