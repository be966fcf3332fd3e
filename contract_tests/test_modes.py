"""Every request mode against every vendor: the wire body it becomes, or a clear refusal.

The mode table below is written from the vendors' Generate Music pages (not read from the
adapters): a vendor that has a mode must send a body that its spec accepts, with each value in
the documented field; a vendor that lacks it must refuse before any request, naming exactly the
vendors that have it. The same goes for model names, whose lists come from the specs.
"""

from __future__ import annotations

import json
import re
import ssl
from typing import Any

import httpx
import pytest
import respx
import sunokit

from .spec_tools import VENDORS, load, resolve, validator

KEY = "sk-modes-secret-1234"
BASE = "https://vendor.test"
HOOK = "https://cb.test/hook"
TLS = ssl.create_default_context()

LYRICS, STYLE, TITLE, IDEA, CLIP = "[Verse] LYRICS", "STYLE", "TITLE", "IDEA about rain", "CLIP-1"
# Extend Music (kie family): "model ... must be consistent with the source audio" - required.
SOURCE_MODEL = {"sunoapi_org": "V4", "apikley": "V4"}

# Vendor docs: which modes each vendor offers.
MODES: dict[str, set[str]] = {
    "apikley": {"description", "custom", "instrumental", "extend"},
    "relay": {"description", "custom", "instrumental", "extend", "inspiration"},
    "sunoapi_com": {"description", "custom", "instrumental", "extend", "inspiration"},
    "sunoapi_org": {"description", "custom", "instrumental", "extend"},
    "sunosay": {"description", "custom", "instrumental", "extend"},
}
ALL_MODES = ("description", "custom", "instrumental", "extend", "inspiration")

# Vendor docs: the wire field of each value, per vendor.
KIE = {
    "lyrics": "prompt",
    "style": "style",
    "title": "title",
    "idea": "prompt",
    "clip": "audioId",
    "instrumental": "instrumental",
}
FIELDS: dict[str, dict[str, str]] = {
    "apikley": KIE,
    "sunoapi_org": KIE,
    "sunoapi_com": {
        "lyrics": "prompt",
        "style": "tags",
        "title": "title",
        "idea": "prompt",
        "inspiration": "gpt_description_prompt",
        "clip": "continue_clip_id",
        "instrumental": "make_instrumental",
    },
    "relay": {
        "lyrics": "prompt",
        "style": "tags",
        "title": "title",
        "idea": "gpt_description_prompt",
        "inspiration": "gpt_description_prompt",
        "clip": "continue_clip_id",
        "instrumental": "make_instrumental",
    },
    "sunosay": {
        "lyrics": "prompt",
        "style": "tags",
        "title": "title",
        "idea": "prompt",
        "clip": "continue_clip_id",
    },
}


def request(mode: str, vendor: str) -> sunokit.MusicRequest:
    hook = HOOK if vendor in ("sunoapi_org", "apikley") else None
    if mode == "description":
        return sunokit.Description(IDEA, callback_url=hook)
    if mode == "custom":
        return sunokit.CustomLyrics(LYRICS, STYLE, TITLE, callback_url=hook)
    if mode == "instrumental":
        return sunokit.Instrumental(STYLE, TITLE, callback_url=hook)
    if mode == "extend":
        return sunokit.Extend(
            CLIP,
            at=42.5,
            lyrics=LYRICS,
            style=STYLE,
            title=TITLE,
            task_id="T0",
            callback_url=hook,
            model=SOURCE_MODEL.get(vendor),
        )
    return sunokit.Inspiration(IDEA, callback_url=hook)


def expected_fields(vendor: str, mode: str) -> dict[str, Any]:
    fields = FIELDS[vendor]
    if mode == "description":
        return {fields["idea"]: IDEA}
    if mode == "inspiration":
        return {fields["inspiration"]: IDEA}
    if mode == "custom":
        return {fields["lyrics"]: LYRICS, fields["style"]: STYLE, fields["title"]: TITLE}
    if mode == "instrumental":
        wanted: dict[str, Any] = {fields["style"]: STYLE, fields["title"]: TITLE}
        if "instrumental" in fields:
            wanted[fields["instrumental"]] = True
        return wanted
    return {
        fields["clip"]: CLIP,
        fields["lyrics"]: LYRICS,
        fields["style"]: STYLE,
        fields["title"]: TITLE,
    }


def operation_for(vendor: str, path: str) -> tuple[str, Any]:
    for spec_path, item in load(vendor)["paths"].items():
        if spec_path == path:
            op = item["post"]
            return op["x-sunokit-role"], op["requestBody"]["content"]["application/json"]["schema"]
    raise AssertionError(f"{vendor}: the client posted to {path}, which the spec lacks")


def answer(vendor: str) -> dict[str, Any]:
    return {
        "sunoapi_org": {"code": 200, "msg": "success", "data": {"taskId": "T1"}},
        "apikley": {"code": 200, "msg": "success", "data": {"taskId": "T1"}},
        "sunoapi_com": {"code": 200, "message": "success", "data": {"task_id": "T1"}},
        "sunosay": {"code": 200, "message": "success", "task_id": "T1"},
        "relay": {"code": "success", "message": "", "data": "T1"},
    }[vendor]


CASES = [(vendor, mode) for vendor in VENDORS for mode in ALL_MODES]


def test_the_table_knows_every_vendor() -> None:
    assert set(MODES) == set(FIELDS) == set(VENDORS)


@pytest.mark.parametrize(("vendor", "mode"), CASES, ids=[f"{v}-{m}" for v, m in CASES])
def test_every_mode_at_every_vendor(vendor: str, mode: str) -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.route(method="POST", host="vendor.test").mock(
            return_value=httpx.Response(200, json=answer(vendor))
        )
        client = sunokit.SunoClient(
            vendor, api_key=KEY, base_url=BASE, http_client=httpx.Client(verify=TLS)
        )
        if mode not in MODES[vendor]:
            with pytest.raises(sunokit.UnsupportedRequestError) as raised:
                client.submit(request(mode, vendor))
            assert route.call_count == 0
            message = str(raised.value)
            assert vendor in message
            assert mode in message
            named = re.search(r"vendors that have it: (.*)$", message)
            assert named is not None, message
            assert set(named.group(1).split(", ")) == {v for v in VENDORS if mode in MODES[v]}
            assert isinstance(raised.value, ValueError)
            return
        task = client.submit(request(mode, vendor))
        assert route.call_count == 1
    assert task.task_id == "T1"
    sent = route.calls.last.request
    body = json.loads(sent.content)
    role, schema = operation_for(vendor, sent.url.path)
    assert list(validator(vendor, schema).iter_errors(body)) == []
    assert sunokit.validate(vendor, body, role=role) == []
    for field, value in expected_fields(vendor, mode).items():
        assert body.get(field) == value, (field, body)


def _models(vendor: str) -> set[str]:
    doc = load(vendor)
    for item in doc["paths"].values():
        op = item.get("post")
        if isinstance(op, dict) and op.get("x-sunokit-role") == "submit":
            schema = resolve(doc, op["requestBody"]["content"]["application/json"]["schema"])
            field = "mv" if "mv" in schema.get("properties", {}) else "model"
            return set(resolve(doc, schema["properties"][field]).get("enum", ()))
    raise AssertionError(vendor)


MODEL_CASES = [
    (vendor, model)
    for vendor in VENDORS
    if _models(vendor)
    for model in sorted(set().union(*(_models(v) for v in VENDORS)) - _models(vendor))
]


def _model_field(vendor: str) -> tuple[str, dict[str, object]]:
    doc = load(vendor)
    for item in doc["paths"].values():
        op = item.get("post")
        if isinstance(op, dict) and op.get("x-sunokit-role") == "submit":
            schema = resolve(doc, op["requestBody"]["content"]["application/json"]["schema"])
            field = "mv" if "mv" in schema.get("properties", {}) else "model"
            return field, resolve(doc, schema["properties"][field])
    raise AssertionError(vendor)


def _open_models(vendor: str) -> bool:
    """The spec sends names it does not list, with a warning (x-sunokit-unknown-values)."""
    return bool(_model_field(vendor)[1].get("x-sunokit-unknown-values"))


@pytest.mark.parametrize(("vendor", "model"), MODEL_CASES)
def test_a_model_the_vendor_lacks_names_the_vendors_that_have_it(vendor: str, model: str) -> None:
    client = sunokit.SunoClient(vendor, api_key=KEY, base_url=BASE)
    hook = HOOK if vendor in ("sunoapi_org", "apikley") else None
    request = sunokit.CustomLyrics(LYRICS, STYLE, TITLE, model=model, callback_url=hook)
    if _open_models(vendor):
        # a list that grows before the docs: the name is sent, with a warning naming it
        with pytest.warns(sunokit.UnknownValueWarning, match=re.escape(model)):
            call = client._core.submit_call(request)
        assert call.wire_body is not None
        assert call.wire_body[_model_field(vendor)[0]] == model
        return
    with pytest.raises(sunokit.UnsupportedRequestError) as raised:
        client.submit(sunokit.CustomLyrics(LYRICS, STYLE, TITLE, model=model, callback_url=hook))
    message = str(raised.value)
    assert model in message
    named = re.search(r"vendors that have '[^']+': (.*)$", message)
    assert named is not None, message
    having = {v for v in VENDORS if model in _models(v) or not _models(v)}
    assert set(named.group(1).split(", ")) == having


def test_there_are_model_cases() -> None:
    assert ("apikley", "V3_5") in MODEL_CASES
    assert ("sunosay", "V5") in MODEL_CASES


# --------------------------------------------------------------------------- extend (kie family)
#
# Extend Music page (sunoapi.org, apikley): defaultParamFlag true = custom params, "then
# continueAt, prompt, style, title required"; false = "inherit source params (only audioId
# needed)"; model "must be consistent with the source audio".

KIE_VENDORS = ("apikley", "sunoapi_org")


def sent_body(vendor: str, extend: sunokit.Extend) -> dict[str, Any]:
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method="POST", host="vendor.test").mock(
            return_value=httpx.Response(200, json=answer(vendor))
        )
        client = sunokit.SunoClient(
            vendor, api_key=KEY, base_url=BASE, http_client=httpx.Client(verify=TLS)
        )
        assert client.submit(extend).task_id == "T1"
    body: dict[str, Any] = json.loads(route.calls.last.request.content)
    return body


def refused(vendor: str, extend: sunokit.Extend, error: type[Exception]) -> str:
    with respx.mock(assert_all_called=False) as router:
        route = router.route(host="vendor.test").mock(return_value=httpx.Response(500))
        client = sunokit.SunoClient(vendor, api_key=KEY, base_url=BASE)
        with pytest.raises(error) as raised:
            client.submit(extend)
        assert route.call_count == 0
    return str(raised.value)


@pytest.mark.parametrize("vendor", KIE_VENDORS)
def test_kie_extend_with_custom_params_sends_at_and_the_given_model(vendor: str) -> None:
    extend = sunokit.Extend(
        CLIP, at=42.5, lyrics=LYRICS, style=STYLE, title=TITLE, model="V4_5", callback_url=HOOK
    )
    body = sent_body(vendor, extend)
    assert body["defaultParamFlag"] is True
    assert (body["continueAt"], body["model"], body["audioId"]) == (42.5, "V4_5", CLIP)


@pytest.mark.parametrize("vendor", KIE_VENDORS)
def test_kie_extend_without_at_or_params_inherits_the_source(vendor: str) -> None:
    body = sent_body(vendor, sunokit.Extend(CLIP, model="V4", callback_url=HOOK))
    assert body["defaultParamFlag"] is False
    assert body["model"] == "V4"
    assert not {"continueAt", "prompt", "style", "title"} & set(body)


@pytest.mark.parametrize("vendor", KIE_VENDORS)
def test_kie_extend_refuses_at_without_custom_params(vendor: str) -> None:
    """Regression: `at` was dropped (defaultParamFlag false, no continueAt) when lyrics, style
    and title were not given; the vendor would have continued somewhere else."""
    message = refused(
        vendor,
        sunokit.Extend(CLIP, at=30, model="V4", callback_url=HOOK),
        sunokit.ClientValidationError,
    )
    assert "at:" in message
    for name in ("lyrics=", "style=", "title=", "at=None"):
        assert name in message


@pytest.mark.parametrize("vendor", KIE_VENDORS)
def test_kie_extend_needs_the_source_model(vendor: str) -> None:
    """Regression: the model defaulted to V4_5 whatever the source clip was made with."""
    extend = sunokit.Extend(CLIP, at=30, lyrics=LYRICS, style=STYLE, title=TITLE, callback_url=HOOK)
    message = refused(vendor, extend, sunokit.ClientValidationError)
    assert "model: model is required" in message
    assert "source clip" in message


@pytest.mark.parametrize("vendor", KIE_VENDORS)
def test_kie_extend_has_no_instrumental_option(vendor: str) -> None:
    """Regression: instrumental=True was silently dropped (Extend Music has no such field)."""
    extend = sunokit.Extend(CLIP, model="V4", instrumental=True, callback_url=HOOK)
    message = refused(vendor, extend, sunokit.UnsupportedRequestError)
    assert "instrumental" in message
    assert "relay, sunoapi_com, sunosay" in message


@pytest.mark.parametrize("vendor", ["relay", "sunoapi_com", "sunosay"])
def test_extend_without_at_is_refused_where_the_position_is_required(vendor: str) -> None:
    extend = sunokit.Extend(CLIP, lyrics=LYRICS, style=STYLE, title=TITLE, task_id="T0")
    message = refused(vendor, extend, sunokit.ClientValidationError)
    assert "continue_at is required" in message or "at: at is required" in message


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"at": 10**400}, "at"),
        ({"at": -1}, "at"),
        ({"at": float("nan")}, "at"),
        ({"at": "30"}, "at"),
        ({"at": True}, "at"),
        ({"at": 1 + 2j}, "at"),
        ({"lyrics": ""}, "lyrics"),
        ({"model": 4}, "model"),
        ({"instrumental": "yes"}, "instrumental"),
        ({"tuning": {"negative_tags": "x"}}, "tuning"),
    ],
)
def test_bad_extend_arguments_are_sunokit_errors_naming_the_argument(
    arguments: dict[str, Any], named: str
) -> None:
    """Regression: Extend("c", at=10**400) raised a bare OverflowError."""
    with pytest.raises(sunokit.ClientValidationError) as raised:
        sunokit.Extend("clip", **arguments)
    assert [v.path for v in raised.value.violations] == [named]
    assert f"{named}: {named} must" in str(raised.value)
