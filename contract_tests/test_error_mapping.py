"""Error mapping for every documented envelope code of every vendor, served with respx.

Vendors often answer HTTP 200 with an error code in the body: each code of each vendor's
`ResponseCode` enum is sent at HTTP 200 and at HTTP 400, to the submit and to the status
operation, through SunoClient and AsyncSunoClient. The expected class is read from the spec's
x-sunokit-error-kinds table (the table users read); the same code means different things at
different vendors (429 at sunoapi_org and apikley).
"""

from __future__ import annotations

import asyncio
import re
import ssl
from typing import Any

import httpx
import pytest
import respx
import sunokit
from sunokit._adapters._base import ERROR_CLASSES

from .spec_tools import VENDORS, load

KEY = "sk-map-secret-key-77aa"
BASE = "https://vendor.test"
TASK_ID = "task-123"
SUCCESS = {"relay": "success"}
MESSAGE = "the vendor's own words"
CALLBACK = {"sunoapi_org": "https://cb.test/hook", "apikley": "https://cb.test/hook"}
# One TLS context for every client (respx answers; building a context per client is slow).
TLS = ssl.create_default_context()


def _operation(vendor: str, role: str) -> tuple[str, str]:
    for path, item in load(vendor)["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("x-sunokit-role") == role:
                return method.upper(), BASE + re.sub(r"\{[^}]+\}", TASK_ID, path)
    raise AssertionError(f"{vendor} has no {role} operation")


def _codes() -> list[tuple[str, Any, str]]:
    found = []
    for vendor in VENDORS:
        schema = load(vendor)["components"]["schemas"]["ResponseCode"]
        kinds = {str(code): kind for code, kind in schema["x-sunokit-error-kinds"].items()}
        for code in schema["enum"]:
            if code == SUCCESS.get(vendor, 200):
                continue
            assert str(code) in kinds, f"{vendor}: code {code} has no error kind in the spec"
            found.append((vendor, code, kinds[str(code)]))
    return found


CODES = _codes()


def test_tables_cover_every_vendor_and_differ_where_documented() -> None:
    assert {vendor for vendor, _, _ in CODES} == set(VENDORS)
    kinds = {(vendor, code): kind for vendor, code, kind in CODES}
    assert kinds[("sunoapi_org", 429)] == "insufficient_credits"
    assert kinds[("apikley", 429)] == "rate_limited"
    assert kinds[("sunoapi_org", 430)] == "rate_limited"
    assert kinds[("apikley", 455)] == kinds[("sunoapi_org", 455)] == "maintenance"


def _call(driver: str, vendor: str, role: str) -> None:
    request = sunokit.Description("a calm piano tune", callback_url=CALLBACK.get(vendor))
    options: dict[str, Any] = {"api_key": KEY, "base_url": BASE, "max_retries": 0}
    if driver == "sync":
        with sunokit.SunoClient(vendor, http_client=httpx.Client(verify=TLS), **options) as client:
            client.submit(request) if role == "submit" else client.get(TASK_ID)
        return

    async def run() -> None:
        async with sunokit.AsyncSunoClient(
            vendor, http_client=httpx.AsyncClient(verify=TLS), **options
        ) as client:
            await (client.submit(request) if role == "submit" else client.get(TASK_ID))

    asyncio.run(run())


@pytest.mark.parametrize("driver", ["sync", "async"])
@pytest.mark.parametrize("http_status", [200, 400])
@pytest.mark.parametrize("role", ["submit", "status"])
@pytest.mark.parametrize(("vendor", "code", "kind"), CODES, ids=[f"{v}-{c}" for v, c, _ in CODES])
def test_every_documented_code_maps_to_its_error(
    vendor: str, code: Any, kind: str, role: str, http_status: int, driver: str
) -> None:
    method, url = _operation(vendor, role)
    body = {"code": code, "msg": MESSAGE, "message": MESSAGE, "data": None}
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=method, url=url).mock(
            return_value=httpx.Response(http_status, json=body, headers={"X-Request-Id": "r-1"})
        )
        with pytest.raises(sunokit.APIStatusError) as raised:
            _call(driver, vendor, role)
        assert route.call_count == 1
    error = raised.value
    assert type(error) is ERROR_CLASSES[kind]
    assert isinstance(error, sunokit.APIError)
    assert isinstance(error, sunokit.SunokitError)
    assert (error.vendor, error.code, error.status_code) == (vendor, code, http_status)
    assert error.message == MESSAGE
    assert error.body == body
    assert vendor in str(error)
    assert str(code) in str(error)
    assert KEY not in f"{error} {error!r} {error.args}"


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (401, sunokit.AuthenticationError),
        (404, sunokit.NotFoundError),
        (429, sunokit.RateLimitError),
        (500, sunokit.ServerError),
        (502, sunokit.ServerError),
        (503, sunokit.MaintenanceError),
        (520, sunokit.ServerError),
    ],
)
def test_an_answer_without_an_envelope_is_classified_by_http_status(
    vendor: str, status: int, error_class: type[sunokit.APIStatusError]
) -> None:
    """An HTML error page from a proxy or CDN (no code at all), including the undocumented 520."""
    method, url = _operation(vendor, "status")
    with respx.mock(assert_all_called=True) as router:
        router.route(method=method, url=url).mock(
            return_value=httpx.Response(status, text="<html><body>oops</body></html>")
        )
        with pytest.raises(error_class) as raised:
            _call("sync", vendor, "status")
    assert raised.value.status_code == status
    assert raised.value.code is None
    assert raised.value.body is None
    assert raised.value.message == f"HTTP {status}"
