"""Stateful chains over the mock apps, driven by schemathesis 4 from the specs' OpenAPI links.

specs/sunoapi_org.yaml and specs/apikley.yaml declare `links` on their answers: a generate
(submit_music, extend_music) links to its poll (get_task); the poll's answer links its first
track (`taskId` + `audioId` from `data.response.sunoData[0]`) to WAV, stems, music video and
persona; the stems answer links to MIDI (the separation's `taskId`) and every job to its own
poll. Schemathesis' state machine (`schema.as_state_machine()`) walks those links against the
mock app in process, every step under the same checks as test_mock_schemathesis (by meaning
where the vendor answers errors on HTTP 200).

The mock runs with zero stage timings, so a generated task is complete at its first poll and
its answer carries the track ids the links read: schemathesis' own runner drives every chain,
no hand-written loop. The test then proves each linked operation was reached *with a real
track*: it answered success (the mock refuses an unknown task or track with its not-found
code, so random data never succeeds there), and the mock's job records that it was made from a
task this run generated.

Vendors and chains come from the specs: a spec that gains links gains a run here.
"""

from __future__ import annotations

import collections
from typing import Any

import pytest
import schemathesis
from hypothesis import settings
from schemathesis.specs.openapi.checks import ensure_resource_availability

from .spec_tools import SPECS, VENDORS, load
from .test_mock_schemathesis import AUTH, by_meaning, case_code_schema, checks_for, error_kind
from .test_mock_schemathesis import make_mock as make_mock

# Scenarios of the runner: in make test enough that some scenario acts on a generated track
# (schemathesis applies a link's values on a true-random coin, so this is a margin, not a
# guarantee of every target: the ordered walk below is); make fuzz (deep) walks many more.
SCENARIOS = {"ci": 40, "deep": 300}
STEPS = 8


def links(vendor: str) -> dict[str, set[str]]:
    """operationId -> the operationIds its answers link to, as the spec declares them."""
    graph: dict[str, set[str]] = {}
    for item in load(vendor)["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            for response in (operation.get("responses") or {}).values():
                for link in (response.get("links") or {}).values():
                    graph.setdefault(operation["operationId"], set()).add(link["operationId"])
    return graph


LINKED = [vendor for vendor in VENDORS if links(vendor)]


def reachable(vendor: str, start: str) -> set[str]:
    graph = links(vendor)
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_generate_chains_are_declared() -> None:
    """What issue 9 asks for: generate -> poll -> WAV / stems / video / persona, stems -> MIDI,
    in both kie-family specs."""
    assert set(LINKED) >= {"sunoapi_org", "apikley"}, LINKED
    for vendor in ("sunoapi_org", "apikley"):
        assert reachable(vendor, "submit_music") >= {
            "get_task",
            "convert_to_wav",
            "separate_stems",
            "create_music_video",
            "generate_persona",
            "generate_midi",
        }, links(vendor)


def _schema(vendor: str) -> Any:
    # Only the declared links (dependency inference would add guessed transitions), and only
    # positive data: a chain is about reaching the linked operations; negative data for every
    # operation is test_mock_schemathesis' job.
    config = schemathesis.Config.from_dict(
        {
            "phases": {"stateful": {"inference": {"algorithms": []}}},
            "generation": {"mode": "positive"},
        }
    )
    schema = schemathesis.openapi.from_path(SPECS / f"{vendor}.yaml", config=config)
    schema.app = make_mock(vendor)
    return schema


def _profile() -> str:
    return settings.get_current_profile_name()


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", LINKED)
def test_stateful_chains_reach_every_linked_operation_on_a_generated_track(vendor: str) -> None:
    schema = _schema(vendor)
    assert schema.statistic.transitions.total >= 1
    additional, excluded = checks_for(vendor)
    additional = [*additional, by_meaning(vendor, ensure_resource_availability)]
    by_id = {
        operation["operationId"]: f"{method.upper()} {path}"
        for path, item in load(vendor)["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }
    succeeded: collections.Counter[str] = collections.Counter()
    steps: collections.Counter[str] = collections.Counter()

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": AUTH}

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            label = case.operation.label
            steps[label] += 1
            try:
                body = response.json()
            except ValueError:
                body = None
            if 200 <= response.status_code < 300 and (
                error_kind(vendor, response.status_code, body, case_code_schema(vendor, case))
                is None
            ):
                succeeded[label] += 1
            case.validate_response(
                response,
                additional_checks=additional,
                excluded_checks=excluded,
                headers=AUTH,
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    Machine.run(
        settings=settings(max_examples=SCENARIOS.get(_profile(), 40), stateful_step_count=STEPS)
    )

    # The runner reached generated tasks through the links, and acted on their tracks: only a
    # linked body (real task and track ids) can succeed there, the mock refuses unknown ones.
    # (Which targets a run reaches is up to the runner: it also starts scenarios at every POST
    # with random data and draws whether to apply a link value with a true-random coin, so the
    # test of *every* target is the deterministic walk below.)
    assert succeeded[by_id["get_task"]], dict(succeeded)
    track_operations = links(vendor)["get_task"]
    assert any(succeeded[by_id[target]] for target in track_operations), dict(succeeded)
    tasks = schema.app.tasks.values()
    from_tracks = [t for t in tasks if t.capability in ("audio.wav", "audio.stems", "video.create")]
    assert all(t.source is not None and t.source_track in t.source.tracks for t in from_tracks)


# --------------------------------------------------------------------------- every link, in order


def pointer(document: Any, expression: str) -> Any:
    """The value a `$response.body#/a/b/0` link expression names in `document`."""
    prefix = "$response.body#"
    assert expression.startswith(prefix), expression
    value = document
    for part in expression[len(prefix) :].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def first_request_example(vendor: str, operation_id: str) -> dict[str, Any]:
    for item in load(vendor)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                media = operation["requestBody"]["content"]["application/json"]
                return dict(next(iter(media["examples"].values()))["value"])
    raise AssertionError(f"{vendor}: no request example for {operation_id}")


def declared_links(vendor: str, operation_id: str) -> dict[str, dict[str, Any]]:
    for item in load(vendor)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return dict(operation["responses"]["200"].get("links") or {})
    raise AssertionError(f"{vendor}: no operation {operation_id}")


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", LINKED)
def test_every_link_of_the_generate_chain_leads_to_a_success(vendor: str) -> None:
    """Breadth first from a generate (its first documented request), every declared link is
    followed once with the values it names from the answer before it (the rest of the body:
    the target's first documented request example), and every answer passes the schemathesis
    checks above and means success. Proves each link's expressions point at real ids."""
    schema = _schema(vendor)
    additional, excluded = checks_for(vendor)
    additional = [*additional, by_meaning(vendor, ensure_resource_availability)]

    def step(operation_id: str, body: dict[str, Any] | None, query: dict[str, Any]) -> Any:
        operation = schema.find_operation_by_id(operation_id)
        case = (
            operation.Case(body=body, query=query)
            if body is not None
            else operation.Case(query=query)
        )
        response = case.call(headers=AUTH)
        case.validate_response(
            response, additional_checks=additional, excluded_checks=excluded, headers=AUTH
        )
        answer = response.json()
        kind = error_kind(vendor, response.status_code, answer, case_code_schema(vendor, case))
        assert kind is None, f"{operation_id} {body or query}: {response.text[:300]}"
        return answer

    followed: list[str] = []
    queue = [
        ("submit_music", step("submit_music", first_request_example(vendor, "submit_music"), {}))
    ]
    done = {"submit_music"}
    while queue:
        source, answer = queue.pop(0)
        for name, link in declared_links(vendor, source).items():
            target = link["operationId"]
            if target in done:
                continue
            query = {
                key.split(".", 1)[1]: pointer(answer, value)
                for key, value in (link.get("parameters") or {}).items()
            }
            body = None
            if "requestBody" in link:
                linked = {k: pointer(answer, v) for k, v in link["requestBody"].items()}
                body = {**first_request_example(vendor, target), **linked}
            queue.append((target, step(target, body, query)))
            done.add(target)
            followed.append(f"{source} -{name}-> {target}")
    assert done >= reachable(vendor, "submit_music"), followed
    assert len(followed) >= 10, followed


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", LINKED)
def test_a_link_that_points_at_the_wrong_field_is_refused(vendor: str) -> None:
    """The walk above can fail: a link whose audioId read the task id instead of the track's
    (or any value that names no track of the task) gets the vendor's not-found answer, so only
    links that point at real ids lead to the successes it asserts."""
    schema = _schema(vendor)
    submitted = (
        schema.find_operation_by_id("submit_music")
        .Case(body=first_request_example(vendor, "submit_music"))
        .call(headers=AUTH)
        .json()
    )
    link = declared_links(vendor, "submit_music")["GetTask"]
    query = {k.split(".", 1)[1]: pointer(submitted, v) for k, v in link["parameters"].items()}
    polled = schema.find_operation_by_id("get_task").Case(query=query).call(headers=AUTH).json()
    body = {
        **first_request_example(vendor, "convert_to_wav"),
        "taskId": pointer(polled, "$response.body#/data/taskId"),
        "audioId": pointer(polled, "$response.body#/data/taskId"),  # the wrong field
    }
    case = schema.find_operation_by_id("convert_to_wav").Case(body=body)
    response = case.call(headers=AUTH)
    assert (
        error_kind(vendor, response.status_code, response.json(), case_code_schema(vendor, case))
        == "not_found"
    )
    body["audioId"] = pointer(polled, "$response.body#/data/response/sunoData/0/id")
    response = case.operation.Case(body=body).call(headers=AUTH)
    assert (
        error_kind(vendor, response.status_code, response.json(), case_code_schema(vendor, case))
        is None
    )
