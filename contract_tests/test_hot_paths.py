"""Shortcuts taken on the per-request hot paths give exactly what the plain code gave."""

from __future__ import annotations

import attrs
import httpx
from sunokit._models import Task, Track, _with_task_id


def test_a_stamped_track_is_what_evolve_makes() -> None:
    track = Track(
        id="a",
        title="t",
        audio_url="https://x/a.mp3",
        stream_url="https://x/s",
        image_url="https://x/i.png",
        duration=1.5,
        tags="pop",
        lyrics="la",
        model="V4_5",
        created_at=17,
    )
    stamped = _with_task_id(track, "task-1")
    expected = attrs.evolve(track, task_id="task-1")
    assert stamped == expected
    assert attrs.asdict(stamped) == attrs.asdict(expected)
    assert hash(stamped) == hash(expected)
    assert track.task_id == ""  # the original is untouched
    assert Task(vendor="sunosay", task_id="task-1", state="queued", tracks=(track,)).tracks == (
        expected,
    )


def test_a_track_subclass_is_stamped_by_evolve() -> None:
    @attrs.frozen
    class Tagged(Track):
        extra: str = "e"

    stamped = _with_task_id(Tagged(id="a"), "t")
    assert type(stamped) is Tagged
    assert stamped.extra == "e"
    assert stamped.task_id == "t"


def test_headers_copied_in_one_pass_are_what_dict_gives() -> None:
    headers = httpx.Headers([("X-A", "1"), ("x-a", "2"), ("Retry-After", "3")])
    assert dict(headers.items()) == dict(headers)


def test_same_json_tells_types_apart() -> None:
    # submit() validates the generated model's wire body again only when it differs from the
    # body validated first; "differs" must see what == does not.
    from sunokit._client import _same_json

    body = {"a": 1, "b": [True, {"c": "x"}], "d": None, "e": 1.5}
    assert _same_json(body, {"e": 1.5, "d": None, "b": [True, {"c": "x"}], "a": 1})
    for changed in (
        {**body, "a": True},
        {**body, "a": 1.0},
        {**body, "b": [1, {"c": "x"}]},
        {**body, "b": (True, {"c": "x"})},
        {**body, "d": 0},
        {**body, "f": 1},
        {k: v for k, v in body.items() if k != "e"},
    ):
        assert not _same_json(changed, body)
    assert not _same_json(None, {})
    assert not _same_json(float("nan"), float("nan"))
