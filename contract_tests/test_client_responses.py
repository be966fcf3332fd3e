"""Every documented response example, served by respx, through the generated clients and SunoClient.

Enumerated from the specs: adding an example to a spec adds a test here. Each respx fixture is
first checked against the spec with schemathesis' `validate_response`, so fixtures cannot drift.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import attrs
import httpx
import pytest
import respx
import schemathesis
import sunokit
from sunokit._adapters._base import ERROR_CLASSES

from .spec_tools import SPECS, VENDORS, load

KEY = "sk-test-secret-key-123"
BASE = "https://vendor.test"
SUCCESS_CODES = (200, "success")

REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunoapi_org": sunokit.CustomLyrics(
        "[Verse] la la", "pop", "Song", callback_url="https://cb.test/hook"
    ),
    "apikley": sunokit.CustomLyrics(
        "[Verse] la la", "pop", "Song", callback_url="https://cb.test/hook"
    ),
    "sunoapi_com": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
    "sunosay": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
    "relay": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
}
TASK_ID = "task-123"


@attrs.frozen
class ResponseCase:
    vendor: str
    role: str
    path: str
    method: str
    status: int
    name: str
    body: Any = attrs.field(eq=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.role}:{self.status}:{self.name}"


def _status_for(key: str, name: str) -> int:
    if key != "default":
        return int(key)
    found = re.search(r"(\d{3})", name)
    return int(found.group(1)) if found else 500


def _cases() -> list[ResponseCase]:
    cases = []
    for vendor in VENDORS:
        for path, item in load(vendor)["paths"].items():
            for method, op in item.items():
                role = op.get("x-sunokit-role") if isinstance(op, dict) else None
                if role not in ("submit", "status"):
                    continue
                for key, response in op["responses"].items():
                    media = response.get("content", {}).get("application/json", {})
                    for name, example in (media.get("examples") or {}).items():
                        cases.append(
                            ResponseCase(
                                vendor,
                                role,
                                path,
                                method,
                                _status_for(str(key), name),
                                name,
                                example["value"],
                            )
                        )
    return cases


CASES = _cases()


def _schema(vendor: str) -> Any:
    return schemathesis.openapi.from_path(str(SPECS / f"{vendor}.yaml"))


_SCHEMAS = {vendor: _schema(vendor) for vendor in VENDORS}


def _url(case: ResponseCase) -> str:
    return BASE + re.sub(r"\{[^}]+\}", TASK_ID, case.path)


def _expected_error(case: ResponseCase) -> type[sunokit.APIStatusError] | None:
    """The oracle, read from the spec's x-sunokit-error-kinds (the same table users read)."""
    kinds = load(case.vendor)["components"]["schemas"]["ResponseCode"].get(
        "x-sunokit-error-kinds", {}
    )
    code = case.body.get("code") if isinstance(case.body, dict) else None
    if code is not None and code not in SUCCESS_CODES:
        kind = {str(k): v for k, v in kinds.items()}.get(str(code))
        if kind is not None:
            return ERROR_CLASSES[kind]
        return sunokit.APIStatusError
    if case.status >= 400:
        return sunokit.APIStatusError
    return None


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_fixture_conforms_to_spec(case: ResponseCase) -> None:
    operation = _SCHEMAS[case.vendor][case.path][case.method.upper()]
    response = httpx.Response(
        case.status, json=case.body, request=httpx.Request(case.method.upper(), _url(case))
    )
    response.elapsed = datetime.timedelta(0)
    operation.validate_response(response)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_sunoclient_on_documented_response(case: ResponseCase) -> None:
    expected = _expected_error(case)
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=case.method.upper(), url=_url(case)).mock(
            return_value=httpx.Response(case.status, json=case.body)
        )
        client = sunokit.SunoClient(case.vendor, api_key=KEY, base_url=BASE, max_retries=0)
        call = (
            (lambda: client.submit(REQUESTS[case.vendor]))
            if case.role == "submit"
            else (lambda: client.get(TASK_ID))
        )
        if expected is not None:
            with pytest.raises(expected) as raised:
                call()
            error = raised.value
            assert error.vendor == case.vendor
            assert error.status_code == case.status
            assert error.body == case.body
            assert KEY not in str(error)
            assert KEY not in repr(error)
        else:
            task = call()
            assert isinstance(task, sunokit.Task)
            assert task.vendor == case.vendor
            assert task.task_id
            if case.role == "status":
                assert task.state in (
                    "queued",
                    "running",
                    "text_ready",
                    "first_ready",
                    "succeeded",
                    "failed",
                    "unknown",
                )
                assert task.raw is not None
        assert route.call_count == 1
        sent = route.calls.last.request
        assert sent.headers["Authorization"] == f"Bearer {KEY}"
        if case.role == "submit":
            assert sunokit.validate(case.vendor, json.loads(sent.content), role="submit") == []
