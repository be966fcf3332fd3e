"""The task journal: every create is on disk before it is sent, its acceptance right after, its
states while it is awaited; a crash between the send and the answer is reported as "unknown:
may have been accepted", never sent again; secrets never reach the file.

The vendor is the loopback mock (`mock_vendor`); the journal is a real SQLite file in tmp_path,
read back through a second connection (or a second process) where that matters.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sunokit
from sunokit.__main__ import main
from sunokit._client import recorded_create
from sunokit._journal import (
    SCHEMA_VERSION,
    LineTaken,
    canonical_json,
    default_journal_path,
    for_line,
)
from sunokit.mock import StageTimings
from sunokit.testing import mock_vendor

SECRET = "whsec-0123456789abcdef-journal"
FAST = StageTimings(0.02, 0.04, 0.06)


def all_bytes(path: Path) -> bytes:
    """The journal file and its WAL, as they are on disk."""
    return b"".join(
        candidate.read_bytes()
        for candidate in (path, path.with_name(path.name + "-wal"))
        if candidate.exists()
    )


def test_generate_records_intent_acceptance_and_every_state_change(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with mock_vendor("sunoapi_org", timings=FAST) as mocked:
        seen: list[str] = []
        with mocked.new_client(journal=path) as client:
            task = client.generate(
                sunokit.Description("a calm piano tune"),
                on_update=lambda task: seen.append(task.state),
            )
            (entry,) = client.journal.entries() if client.journal else []
        assert task.state == "succeeded"
        assert (entry.vendor, entry.task_id, entry.state) == (
            "sunoapi_org",
            task.task_id,
            "succeeded",
        )
        assert (entry.operation, entry.capability) == ("submit_music", "music.generate")
        # The request as sent (minus nothing secret here), and its digest.
        assert entry.request == mocked.mock.tasks[task.task_id].body
        assert entry.digest == hashlib.sha256(canonical_json(entry.request).encode()).hexdigest()
        assert entry.task is not None
        assert entry.task.tracks == task.tracks
        assert entry.accepted_at is not None
        assert entry.created_at <= entry.accepted_at
        assert not entry.pending
        assert mocked.api_key not in all_bytes(path).decode("utf-8", "replace")
    assert "succeeded" in seen


def test_the_intent_is_on_disk_before_the_request_leaves(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with mock_vendor("relay", timings=FAST) as mocked:
        mocked.set_fault("slow", scope="submit", delay=1.0, times=1)
        with mocked.new_client(journal=path) as client:
            result: list[sunokit.Task] = []
            worker = threading.Thread(
                target=lambda: result.append(client.submit(sunokit.Inspiration("a tune")))
            )
            worker.start()
            deadline = time.monotonic() + 30
            while not mocked.stats.faults_applied["slow"] and time.monotonic() < deadline:
                time.sleep(0.01)
            # Another connection (as another process would) sees the create being sent.
            with sunokit.Journal(path) as reader:
                (during,) = reader.entries()
            worker.join(timeout=30)
        assert (during.state, during.task_id, during.describe()) == ("intent", None, "sending")
        assert during.pending
        with sunokit.Journal(path) as reader:
            (after,) = reader.entries()
        assert (after.state, after.task_id) == ("accepted", result[0].task_id)


def test_a_refusal_in_the_vendors_words_frees_the_create(tmp_path: Path) -> None:
    with (
        mock_vendor("apikley", credits=0) as mocked,
        mocked.new_client(journal=tmp_path / "j.sqlite3") as client,
    ):
        with pytest.raises(sunokit.InsufficientCreditsError):
            client.submit(sunokit.Description("a calm piano tune"))
        (entry,) = client.journal.entries() if client.journal else []
        assert client.pending() == []
    assert entry.state == "refused"
    assert entry.error is not None
    assert "credit" in entry.error.lower()


def test_nothing_sent_is_refused_and_a_lost_answer_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    # Nothing listens on port 9: the connection is never opened, nothing left the machine.
    with (
        sunokit.SunoClient(
            "relay", api_key="k-123", base_url="http://127.0.0.1:9", max_retries=0, journal=path
        ) as client,
        pytest.raises(sunokit.APIConnectionError),
    ):
        client.submit(sunokit.Inspiration("a tune"))
    with mock_vendor("relay", timings=FAST) as mocked:
        # The vendor accepts, then the connection drops before its answer arrives.
        mocked.set_fault("drop_connection", scope="submit", processed=True, times=1)
        with mocked.new_client(journal=path, max_retries=0) as client:
            with pytest.raises(sunokit.APIConnectionError):
                client.submit(sunokit.Inspiration("another tune"))
            pending = client.pending()
        (accepted_id,) = mocked.mock.tasks
    with sunokit.Journal(path) as journal:
        refused, unknown = journal.entries()
    assert refused.state == "refused"
    assert (unknown.state, unknown.task_id) == ("unknown", None)
    assert unknown.describe() == "unknown: may have been accepted"
    assert pending == [unknown]
    assert unknown.request["gpt_description_prompt"] == "another tune"

    # You check the account and find the task: the journal adopts it, and a wait picks it up.
    with sunokit.Journal(path) as journal:
        adopted = journal.adopt(unknown.id, accepted_id)
        assert (adopted.state, adopted.task_id) == ("accepted", accepted_id)
        with pytest.raises(sunokit.ConfigurationError, match="not of unknown outcome"):
            journal.abandon(adopted.id)


def test_a_crash_between_intent_and_answer_is_reported_unknown(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    code = (
        "import os, sys\n"
        "from sunokit._journal import Journal\n"
        "j = Journal(sys.argv[1])\n"
        "j.intent(vendor='relay', operation='submit_music', capability='music.generate',"
        " request={'gpt_description_prompt': 'x'})\n"
        "os._exit(9)\n"  # no cleanup, as after kill -9
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], timeout=60, check=False)
    assert done.returncode == 9
    with sunokit.Journal(path) as journal:
        (entry,) = journal.pending()
    assert entry.outcome_unknown
    assert entry.describe() == "unknown: may have been accepted"
    with sunokit.Journal(path) as journal:
        assert journal.abandon(entry.id).state == "abandoned"
        assert journal.pending() == []


def test_the_webhook_secret_and_the_api_key_never_reach_the_file(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with mock_vendor("sunoapi_com", timings=FAST) as mocked:
        with mocked.new_client(journal=path, webhook_secret=SECRET) as client:
            # A prompt quoting the key: it is masked in the record, as in errors.
            task = client.generate(sunokit.Description(f"a song about {mocked.api_key}"))
            (entry,) = client.journal.entries() if client.journal else []
        sent = mocked.mock.tasks[task.task_id].body
    secret_fields = [key for key, value in sent.items() if value == SECRET]
    assert secret_fields, "the mock did not receive the secret: nothing was tested"
    for field in secret_fields:
        assert entry.request[field] == "[masked]"
    stored = all_bytes(path).decode("utf-8", "replace")
    assert SECRET not in stored
    assert mocked.api_key not in stored
    assert "[redacted]" in json.dumps(entry.request)


def test_the_async_client_records_the_same(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"

    async def run(mocked: object) -> sunokit.Task:
        async with mocked.async_client(journal=path) as client:  # type: ignore[attr-defined]
            return await client.generate(sunokit.Inspiration("a tune"))

    with mock_vendor("relay", timings=FAST) as mocked:
        task = asyncio.run(run(mocked))
    with sunokit.Journal(path) as journal:
        (entry,) = journal.entries()
    assert (entry.task_id, entry.state) == (task.task_id, "succeeded")


def test_a_create_recorded_for_a_caller_is_masked_and_judged_as_the_clients_own(
    tmp_path: Path,
) -> None:
    """`sunokit request` (a raw create) records through recorded_create: the request with the
    key masked, a refusal in the vendor's words "refused", any other failure "unknown" with
    its message masked."""
    path = tmp_path / "j.sqlite3"
    with mock_vendor("sunoapi_org", credits=0) as mocked:
        body = {"prompt": f"a song about {mocked.api_key}", "callBackUrl": "https://example.com/h"}
        with mocked.new_client(journal=path) as client:
            with (
                pytest.raises(sunokit.InsufficientCreditsError),
                recorded_create(client, "generate_lyrics", body),
            ):
                client.request("generate_lyrics", body)
            with pytest.raises(RuntimeError), recorded_create(client, "generate_lyrics", body):
                raise RuntimeError(f"lost with {mocked.api_key}")
        with sunokit.Journal(path) as journal:
            refused, unknown = journal.entries()
        assert mocked.api_key not in all_bytes(path).decode("utf-8", "replace")
    assert (refused.state, refused.operation, refused.capability) == (
        "refused",
        "generate_lyrics",
        "lyrics.generate",
    )
    assert refused.request == {**body, "prompt": "a song about [redacted]"}
    assert (unknown.state, unknown.error) == ("unknown", "lost with [redacted]")


def test_a_raw_create_carrying_a_signing_secret_is_journaled_with_it_masked(
    tmp_path: Path,
) -> None:
    """The secret is masked by the spec's field, however it got into the body: here a raw
    `request()` body, with no webhook_secret on the client."""
    path = tmp_path / "j.sqlite3"
    body = {"prompt": "a calm piano tune", "custom_mode": False, "webhook_secret": SECRET}
    with mock_vendor("sunoapi_com", timings=FAST) as mocked:
        with mocked.new_client(journal=path) as client:
            with recorded_create(client, "submit_music", body):
                client.request("submit_music", body)
            (entry,) = client.journal.entries() if client.journal else []
        sent = [task.body for task in mocked.mock.tasks.values()]
    assert [b.get("webhook_secret") for b in sent] == [SECRET], "the secret was not sent"
    assert entry.request == {**body, "webhook_secret": "[masked]"}
    assert SECRET not in all_bytes(path).decode("utf-8", "replace")


def test_a_typed_request_refused_locally_is_never_recorded(tmp_path: Path) -> None:
    """A batch line answered at once records through recorded_create(typed=...): a request
    the client refuses before sending leaves nothing in the journal (a re-run sends it)."""

    async def run(mocked: object) -> list[sunokit.JournalEntry]:
        client = mocked.async_client(  # type: ignore[attr-defined]
            journal=tmp_path / "j.sqlite3", callback_url=None
        )
        async with client:
            with pytest.raises(sunokit.ClientValidationError, match="callBackUrl"):
                recorded_create(client, "generate_lyrics", {}, typed=sunokit.GenerateLyrics("x"))
            with recorded_create(
                client, "get_credits", {"operation": "get-credits"}, typed=sunokit.GetCredits()
            ) as recorded:
                recorded.accepted(sunokit.Task("sunoapi_org", "", "succeeded"))
            return client.journal.entries() if client.journal else []

    with mock_vendor("sunoapi_org") as mocked:
        (entry,) = asyncio.run(run(mocked))
    assert (entry.operation, entry.capability, entry.state) == (
        "get_credits",
        "account.credits",
        "succeeded",
    )
    assert entry.request == {"operation": "get-credits"}


def test_a_batch_line_is_claimed_once_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    code = (
        "import sys\n"
        "from sunokit._journal import Journal, LineTaken, for_line\n"
        "j = Journal(sys.argv[1])\n"
        "won = 0\n"
        "for n in range(40):\n"
        "    with for_line('batch', str(n)):\n"
        "        try:\n"
        "            j.intent(vendor='relay', operation='o', capability=None, request={'n': n})\n"
        "            won += 1\n"
        "        except LineTaken:\n"
        "            pass\n"
        "print(won)\n"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    won = [int(process.communicate(timeout=120)[0]) for process in processes]
    assert sum(won) == 40
    with sunokit.Journal(path) as journal:
        assert sorted(int(line) for line in journal.lines("batch")) == list(range(40))
        with for_line("batch", "7"), pytest.raises(LineTaken):
            journal.intent(vendor="relay", operation="o", capability=None, request={})


@pytest.mark.parametrize("kind", ["directory", "not sqlite", "newer schema", "bad url", "bad type"])
def test_an_unusable_journal_is_a_configuration_error(tmp_path: Path, kind: str) -> None:
    target: object = tmp_path / "j.sqlite3"
    if kind == "directory":
        target = tmp_path
    elif kind == "not sqlite":
        Path(str(target)).write_text("these are my notes, not a database\n" * 200)
    elif kind == "newer schema":
        with sqlite3.connect(str(target)) as connection:
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    elif kind == "bad url":
        target = "ftp://example.com/journal"
    else:
        target = 42
    before = Path(str(target)).read_bytes() if kind == "not sqlite" else None
    with pytest.raises(sunokit.ConfigurationError, match="journal"):
        sunokit.SunoClient("relay", api_key="k-123", journal=target)  # type: ignore[arg-type]
    if before is not None:
        assert Path(str(target)).read_bytes() == before  # never rewritten


def test_the_client_closes_its_own_journal_but_not_a_given_one(tmp_path: Path) -> None:
    given = sunokit.Journal(tmp_path / "given.sqlite3")
    with sunokit.SunoClient("relay", api_key="k-123", journal=given) as client:
        assert client.journal is given
    assert given.pending() == []  # still open
    given.close()
    with sunokit.SunoClient("relay", api_key="k-123", journal=tmp_path / "own.sqlite3") as client:
        own = client.journal
    assert own is not None
    with pytest.raises(sunokit.ConfigurationError, match="closed"):
        own.pending()
    with (
        sunokit.SunoClient("relay", api_key="k-123") as client,
        pytest.raises(sunokit.ConfigurationError, match="needs a journal"),
    ):
        client.pending()


@pytest.mark.parametrize("failing", ["journal", "limiter"])
def test_close_closes_everything_when_one_part_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    def broken(self: object) -> None:
        raise sqlite3.OperationalError(f"disk I/O error closing the {failing}")

    if failing == "journal":
        monkeypatch.setattr(sunokit.Journal, "close", broken)
    else:
        from sunokit._limiter import SQLiteBackend

        monkeypatch.setattr(SQLiteBackend, "close", broken)
    options = {
        "api_key": "k-123",
        "journal": tmp_path / "own.sqlite3",
        "rate_limiter": f"sqlite:///{tmp_path}/limits.sqlite3",
    }
    client = sunokit.SunoClient("relay", **options)  # type: ignore[arg-type]
    with pytest.raises(sqlite3.OperationalError, match=failing):
        client.close()
    assert all(http.is_closed for http in client._http.values())

    async def run() -> sunokit.AsyncSunoClient:
        async_client = sunokit.AsyncSunoClient("relay", **options)  # type: ignore[arg-type]
        with pytest.raises(sqlite3.OperationalError, match=failing):
            await async_client.aclose()
        return async_client

    async_client = asyncio.run(run())
    assert all(http.is_closed for http in async_client._http.values())


def test_a_sqlite_url_names_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with sunokit.Journal("sqlite:///relative.sqlite3") as journal:
        assert journal.path.resolve() == tmp_path / "relative.sqlite3"
    with sunokit.Journal(f"sqlite:///{tmp_path}/absolute.sqlite3") as journal:
        assert journal.path == tmp_path / "absolute.sqlite3"


def test_the_default_path_is_the_user_state_directory(tmp_path: Path) -> None:
    home = str(tmp_path)
    assert default_journal_path({"SUNOKIT_JOURNAL": "/x/j.db", "HOME": home}) == Path("/x/j.db")
    if sys.platform.startswith("linux"):
        assert default_journal_path({"XDG_STATE_HOME": "/state", "HOME": home}) == Path(
            "/state/sunokit/journal.sqlite3"
        )
        # A relative XDG_STATE_HOME is invalid by the XDG spec: the default is used.
        assert default_journal_path({"XDG_STATE_HOME": "rel", "HOME": home}) == (
            tmp_path / ".local/state/sunokit/journal.sqlite3"
        )


# --------------------------------------------------------------------------- sunokit tasks


def test_sunokit_tasks_lists_what_is_pending_and_how_to_resume_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "j.sqlite3"
    monkeypatch.setenv("SUNOKIT_JOURNAL", str(path))
    assert main(["tasks"]) == 0
    assert "nothing recorded yet" in capsys.readouterr().out
    assert not path.exists()  # listing never creates it

    with mock_vendor("relay", timings=StageTimings(60, 120, 180)) as mocked:
        with mocked.new_client(journal=path) as client:
            waiting = client.submit(sunokit.Inspiration("still running"))
            done = client.submit(sunokit.Inspiration("finished"))
            client.journal.observe(  # type: ignore[union-attr]
                sunokit.Task(vendor="relay", task_id=done.task_id, state="succeeded")
            )
        key = mocked.api_key
    assert main(["tasks", "--pending", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["task_id"] for item in listed] == [waiting.task_id]
    assert listed[0]["state"] == "accepted"
    assert main(["tasks", "--journal", str(path)]) == 0
    table = capsys.readouterr().out
    assert waiting.task_id in table
    assert done.task_id in table
    assert f"sunokit wait relay {waiting.task_id}" in table
    assert key not in table + json.dumps(listed)


def test_sunokit_tasks_refuses_a_broken_journal_and_a_bad_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(os.urandom(4096))
    assert main(["tasks", "--journal", str(broken)]) == 2
    assert "cannot" in capsys.readouterr().err
    good = tmp_path / "good.sqlite3"
    sunokit.Journal(good).close()
    assert main(["tasks", "--journal", str(good), "--abandon", "99"]) == 2
    assert "no entry 99" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["tasks", "--journal", str(good), "--abandon", "x; rm -rf /"])
    assert "Traceback" not in capsys.readouterr().err


def test_a_typed_task_keeps_its_capability_and_result_in_the_journal(tmp_path: Path) -> None:
    # A re-run (batch resume, `sunokit wait`) reads the stored Task: it must poll through the
    # task's own capability and show what it made without asking the vendor again.
    path = tmp_path / "journal.sqlite3"
    with mock_vendor("sunoapi_org", timings=FAST) as mocked, mocked.new_client(journal=path) as c:
        task = c.generate(sunokit.GenerateLyrics("rain on the sea"))
    assert task.operation == "lyrics.generate"
    with sunokit.Journal(path) as journal:  # a second connection, as a re-run opens it
        (entry,) = journal.entries()
    assert entry.task is not None
    assert entry.task.operation == "lyrics.generate"
    assert entry.task.result == json.loads(json.dumps(task.to_dict()["result"]))
    assert entry.task.result["variants"][0]["text"]
