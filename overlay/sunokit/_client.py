"""SunoClient and AsyncSunoClient: one shared core, two thin drivers.

The core (`_ClientCore`) builds calls, parses answers and decides about retries and waiting;
the drivers only send, sleep and loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import math
import os
import queue
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, Generic, TypeVar

import attrs
import httpx

from . import _specs
from ._adapters import Adapter, Call, bindings, get_adapter
from ._adapters._base import RawResponse, check_task_id, decode_json
from ._bindings import (
    Binding,
    Context,
    binding_enabled,
    capability_vendors,
    check_binding_extension,
    check_extension,
    checked_extensions,
    dig,
)
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    ClientValidationError,
    ConfigurationError,
    SunokitError,
    UnsupportedRequestError,
)
from ._jobs import accepted, create_call, poll_call, polled
from ._journal import (
    MASKED,
    Journal,
    JournalEntry,
    JournalOption,
    Submission,
    open_journal,
    submission,
)
from ._limiter import FREE, Gate, LimiterBackend, Limiters, resolve_backend
from ._models import LazyModel, Task, resolved
from ._operations import arguments, endpoint, operation_ids, spec_operation
from ._redact import Redactor
from ._requests import MusicRequest, Request
from ._retry import DEFAULT_MAX_RETRIES, RetryPolicy
from ._validation import Violation, answer_has_documented_shape, validate_or_raise
from ._waiting import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    Until,
    Waiter,
    check_wait_options,
)

__all__ = ["DEFAULT_TIMEOUT", "AsyncSunoClient", "SunoClient"]

DEFAULT_TIMEOUT = 30.0
#: Requests one client lets into its connection pool at once (`max_concurrency`): httpx keeps
#: 20 connections alive (`max_keepalive_connections`), so every request that goes out reuses one;
#: the rest wait here, without a pool timeout running.
DEFAULT_MAX_CONCURRENCY = 20
#: Absolute URLs one client keeps parsed (per operation path; a path with a job id in it is a
#: new entry per job, so the cache is emptied when full).
_URLS_KEPT = 1024
#: Jobs whose poll (call and parser) one client keeps made (emptied when full).
_STEPS_KEPT = 1024

#: A JSON body as httpx's `json=` encodes it (httpx 0.28 `encode_json`): the same bytes, from an
#: encoder made once (`json.dumps` with options builds a new encoder per call).
_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode

T = TypeVar("T")
OnUpdate = Callable[[Task], object]


class _Exchange(Generic[T]):
    """One logical request and its retries, without I/O: what to wait before each attempt, and
    what an attempt's outcome means (a result, a pause before the next attempt, or the error).

    The drivers send when told, sleep when told, and hand back what the send produced.
    """

    def __init__(
        self,
        core: _ClientCore,
        call: Call,
        parse: Callable[[RawResponse], T],
        *,
        idempotent: bool,
        key: str,
    ) -> None:
        self.call = call
        self._core = core
        self._parse = parse
        self._idempotent = idempotent
        self._key = key
        self.gate = core.gate(call, key)
        self._started = core.clock()
        self._attempt = 0

    def pause_before_send(self) -> float:
        """Seconds to sleep before asking the rate limiter again (0: a permit is held, send now;
        `gate.done()` after the answer). The async driver awaits `gate.apause()` instead."""
        return self.gate.pause()

    def settle(self, outcome: Any) -> T | _Retry:
        """The parsed result of an attempt, or a _Retry to sleep before the next one.

        `outcome` is the httpx response, or the exception the send raised.
        Raises the sunokit error (the key redacted) when the policy gives up.
        """
        core = self._core
        try:
            if isinstance(outcome, Exception):
                raise core.transport_error(outcome) from outcome
            return self._parse(core.raw(outcome, self.call))
        except APIError as error:
            delay = core.retry.decide(
                error,
                attempt=self._attempt,
                elapsed=core.clock() - self._started,
                idempotent=self._idempotent,
                refused=core.refused_in_vendor_words(error),
            )
            if delay is None:
                core.redact(error)
                raise
            self._attempt += 1
            return _Retry(delay)


@attrs.frozen
class _Retry:
    delay: float


@attrs.frozen
class _Step(Generic[T]):
    """One request to make and what its answer means, as the drivers send it."""

    call: Call
    parse: Callable[[RawResponse], T]
    idempotent: bool
    key: str
    journaled: str | None = None  # the create's operationId, recorded in the journal


class _ClientCore:
    """Everything but I/O: configuration, calls, parsing, retry decisions."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        callback_url: str | None,
        webhook_secret: str | None,
        extra_body: Mapping[str, Any] | None = None,
        upload_base_url: str | None = None,
        poll_interval: float,
        clock: Callable[[], float],
        journal: JournalOption = None,
        rate_limiter: str | LimiterBackend | None = None,
        extensions: Sequence[str] = (),
    ) -> None:
        self.clock = clock
        self.vendor = _specs.check_vendor(vendor)
        self.adapter: Adapter = get_adapter(vendor)
        key = api_key if api_key is not None else os.environ.get(self.adapter.env_var)
        if not key:
            raise ConfigurationError(
                f"no API key for {vendor}: pass api_key=... or set the environment variable "
                f"{self.adapter.env_var}"
            )
        key_source = "api_key" if api_key is not None else self.adapter.env_var
        _check_api_key(key, key_source)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an integer >= 0, not {max_retries!r}")
        if not poll_interval > 0:
            raise ConfigurationError(f"poll_interval must be > 0, not {poll_interval!r}")
        self._api_key = key
        env_url = os.environ.get(self.adapter.base_url_env_var)
        self.base_url = _checked_base_url(
            base_url or env_url or self.adapter.default_base_url,
            "base_url" if base_url else self.adapter.base_url_env_var,
        )
        self.timeout = _checked_timeout(timeout)
        self.server_urls = self._other_hosts(upload_base_url)
        self._urls: dict[tuple[str | None, str], httpx.URL] = {}
        self._poll_steps: dict[tuple[str, str], _Step[Task] | None] = {}
        self._poll_arguments: dict[int, tuple[Call, dict[str, Any]]] = {}  # by id() of a Call
        self._poll_requests: dict[int, tuple[Call, httpx.Request]] = {}  # by id() of a Call
        self.retry = RetryPolicy(max_retries=max_retries)
        self.callback_url = callback_url
        self.webhook_secret = webhook_secret
        self.extra_body = _checked_extra_body(extra_body, "extra_body")
        self.webhook_secret_field = (
            _webhook_secret_field(self.vendor, webhook_secret)
            if webhook_secret is not None
            else None
        )
        self.poll_interval = poll_interval
        backend, owns_backend = resolve_backend(rate_limiter, clock=clock)
        self.limiters = Limiters(self.vendor, key, backend, owns_backend=owns_backend)
        self._redactor = Redactor(key)
        # The vendor's documented error codes (strings): an error answer carrying one of them in
        # a parseable body is the vendor's own refusal.
        self._error_codes = frozenset(_specs.error_kinds(self.vendor, "ResponseCode"))
        # Last: nothing to close when an option above is refused. A Journal given is not ours.
        self.journal: Journal | None = open_journal(journal)
        self.owns_journal = self.journal is not None and not isinstance(journal, Journal)
        self.extensions = checked_extensions(self.vendor, extensions)
        self.bindings = {
            binding.request: binding
            for binding in bindings(self.vendor)
            if binding_enabled(self.vendor, binding, self.extensions)
        }
        self._polled_by: dict[str, Binding] = {}  # capability -> the first binding offering it
        for binding in self.bindings.values():
            self._polled_by.setdefault(binding.request.capability, binding)

    def journal_submission(
        self, call: Call, operation_id: str | None = None
    ) -> contextlib.AbstractContextManager[Submission]:
        """Records a create in the journal around its send (see `_journal.submission`)."""
        if self.journal is None:  # nothing to record (and no redacted copy of the body to make)
            return contextlib.nullcontext(Submission(None, None))
        spec = (
            _specs.operation(self.vendor, call.role)
            if operation_id is None
            else spec_operation(self.vendor, operation_id).spec
        )
        return submission(
            self.journal,
            vendor=self.vendor,
            operation=spec.operation_id,
            capability=spec.definition.get("x-sunokit-operation"),
            request=self.journaled_body(call.wire_body),
            refused=self.refused_in_vendor_words,
            mask=self._redactor.text,
        )

    def journaled_body(self, body: Mapping[str, Any] | None) -> dict[str, Any]:
        """What the journal keeps of a create's body: the API key masked wherever it appears,
        and the field that carries a webhook signing secret (the spec's, however the secret
        got there: the client's `webhook_secret` or a raw body)."""
        kept = dict(body or {})
        field = _signing_secret_field(self.vendor)
        if field is not None and field in kept:
            kept[field] = MASKED
        masked: dict[str, Any] = self._redactor.value(kept)  # a dict stays a dict
        return masked

    def journal_observe(self, task: Task) -> None:
        if self.journal is not None:
            self.journal.observe(task, mask=self._redactor.value)

    def gate(self, call: Call, key: str) -> Gate:
        """The way through the documented rate limit of the operation `call` invokes."""
        operation_id = _role_operation_id(self.vendor, call.role)
        return FREE if operation_id is None else self.limiters.gate(operation_id, key)

    def generated_clients(
        self, http_client: httpx.Client | httpx.AsyncClient | None
    ) -> dict[str | None, Any]:
        """A generated client for the base URL (key None) and one per other host the spec's
        operations name (key: that server, e.g. the file-upload host), sent to its own URL."""
        urls: dict[str | None, str] = {None: self.base_url}
        urls.update(self.server_urls)
        # The clients sunokit opens share one TLS context, made as httpx makes its default
        # (certifi's CAs, SSL_CERT_FILE/SSL_CERT_DIR): loading the CAs is ~50 ms per context.
        verify: Any = (
            httpx.create_ssl_context(verify=True, trust_env=True)
            if http_client is None and len(urls) > 1
            else True
        )
        return {
            server: self.generated_client(http_client, url, verify=verify)
            for server, url in urls.items()
        }

    def generated_client(
        self,
        http_client: httpx.Client | httpx.AsyncClient | None,
        base_url: str,
        *,
        verify: Any = True,
    ) -> Any:
        client = self.adapter.package.AuthenticatedClient(
            base_url=base_url,
            token=self._api_key,
            timeout=self.timeout,
            raise_on_unexpected_status=False,
            verify_ssl=verify,
        )
        if http_client is not None:
            # The caller's client is used, never changed: the base URL and the key travel with
            # each request (see _BorrowedClient), so its other requests never carry the key.
            header = client.auth_header_name
            value = f"{client.prefix} {self._api_key}" if client.prefix else self._api_key
            if isinstance(http_client, httpx.AsyncClient):
                client.set_async_httpx_client(
                    _BorrowedAsyncClient(http_client, base_url, {header: value})
                )
            elif isinstance(http_client, httpx.Client):
                client.set_httpx_client(_BorrowedClient(http_client, base_url, {header: value}))
            else:
                raise ConfigurationError(
                    f"http_client must be an httpx.Client or httpx.AsyncClient, "
                    f"not {type(http_client).__name__}"
                )
        return client

    def _other_hosts(self, upload_base_url: str | None) -> dict[str, str]:
        """Where to send operations whose spec names another server (the file-upload host):
        `upload_base_url`, else <VENDOR>_UPLOAD_BASE_URL, else the spec's server."""
        servers = {
            operation.server
            for operation_id in operation_ids(self.vendor)
            if (operation := spec_operation(self.vendor, operation_id)).server is not None
        }
        variable = self.adapter.upload_base_url_env_var
        chosen = upload_base_url or os.environ.get(variable)
        source = "upload_base_url" if upload_base_url else variable
        return {
            server: _checked_base_url(chosen, source) if chosen else server.rstrip("/")
            for server in sorted(servers)
        }

    def refused_in_vendor_words(self, error: APIError) -> bool:
        """Whether the answer was the vendor's own refusal: one of its documented error codes in
        a parseable body (not a bare status page from a proxy in front of it)."""
        return (
            isinstance(error, APIStatusError)
            and isinstance(error.body, Mapping)
            and error.code is not None
            and str(error.code) in self._error_codes
        )

    def binding(self, request_type: type[Any]) -> Binding:
        """The vendor's binding for a request type; UnsupportedRequestError naming who has it."""
        found = self.bindings.get(request_type)
        if found is not None:
            return found
        capability = getattr(request_type, "capability", None)
        if not isinstance(capability, str):
            raise UnsupportedRequestError(
                f"not a sunokit request: {request_type.__name__} (see sunokit.Request)"
            )
        for extension in bindings(self.vendor):  # bound, but an extension not opted in to
            if extension.request is request_type:
                check_binding_extension(self.vendor, extension, self.extensions)
        others = [v for v in capability_vendors(capability) if v != self.vendor]
        raise UnsupportedRequestError(
            f"{self.vendor} does not offer {capability} ({request_type.__name__}); vendors that "
            f"do: {', '.join(others) or 'none yet'}"
        )

    def binding_of(self, task: Task) -> Binding | None:
        """The binding that polls `task` (None: a music task, polled by the adapter).

        A music-family job with a binding of its own (upload-cover, add-vocals, concat...) is
        polled through it, so `get`/`wait` keep its capability and typed `Tracks` result, as
        `submit` and its callback do."""
        binding = self._polled_by.get(task.operation)
        if binding is not None:
            return binding
        if task.operation.startswith("music."):
            return None
        raise UnsupportedRequestError(f"{self.vendor} cannot poll a {task.operation} task")

    def extra(self, extra_body: Mapping[str, Any] | None) -> dict[str, Any]:
        """The client's extra_body under this request's: fields sent as they are."""
        return {**self.extra_body, **_checked_extra_body(extra_body, "extra_body")}

    def typed_call(self, request: Any, extra_body: Mapping[str, Any] | None = None) -> _Step[Task]:
        """The call that sends a request beyond music, and how its answer becomes a Task."""
        binding = self.binding(type(request))
        operation = spec_operation(self.vendor, binding.operation_for(request))
        context = Context(self.callback_url, self.vendor)
        extra = self.extra(extra_body)
        if self.webhook_secret is not None and self.webhook_secret_field is not None:
            pointer = operation.spec.request_schema_pointer
            schema = _specs.resolve(self.vendor, {"$ref": pointer}) if pointer else {}
            if self.webhook_secret_field in schema.get("properties", {}):
                # signed like a music submit where the bound operation takes the secret
                # (SunoAPI.com's task_type family: Concat, Cover on /api/v1/suno/create)
                extra = {self.webhook_secret_field: self.webhook_secret, **extra}
        return _Step(
            create_call(self.vendor, binding, request, context, extra),
            lambda raw: accepted(self.vendor, self.adapter, binding, raw),
            idempotent=operation.idempotent,
            key="",
            journaled=operation.operation_id if operation.phase == "create" else None,
        )

    def poll_step(self, job: Task | str) -> _Step[Task] | None:
        """The poll that reads `job` (a Task, or the id of a music task); None when the Task
        is already final (an operation that answered at once). The same step serves every poll
        of one job (a wait polls it again and again): kept per job, up to _STEPS_KEPT jobs."""
        if isinstance(job, Task):
            task_id, operation = job.task_id, job.operation
        else:
            task_id, operation = job, "music.generate"
        if type(task_id) is not str:  # refused by check_task_id, never a dict key
            return self._new_poll_step(job, task_id)
        key = (operation, task_id)
        try:  # (not `in`: another thread may empty the dict in between)
            return self._poll_steps[key]
        except KeyError:
            pass
        step = self._new_poll_step(job, task_id)
        if len(self._poll_steps) >= _STEPS_KEPT:
            self._poll_steps.clear()
        self._poll_steps[key] = step
        return step

    def _new_poll_step(self, job: Task | str, task_id: str) -> _Step[Task] | None:
        binding = self.binding_of(job) if isinstance(job, Task) else None
        if binding is None:
            adapter = self.adapter
            return _Step(
                attrs.evolve(adapter.status_call(task_id), repeated=True),
                lambda raw: adapter.task_from_status(task_id, raw),
                idempotent=True,
                key=task_id,
            )
        if binding.spec_operation(self.vendor).poll is None:
            return None
        check_task_id(self.vendor, task_id, in_path=False)
        return _Step(
            attrs.evolve(poll_call(self.vendor, binding, task_id), repeated=True),
            lambda raw: polled(self.vendor, self.adapter, binding, task_id, raw),
            idempotent=True,
            key=task_id,
        )

    def supports(self, request_type: type[Any]) -> bool:
        """Whether this vendor offers the request type (a music mode, or a bound capability)."""
        mode = getattr(request_type, "mode", None)
        if isinstance(mode, str):
            return mode in self.adapter.modes
        return request_type in self.bindings

    def answer_at_once(self, request: Any) -> Binding:
        """The binding of a request answered in one round trip; call() refuses the others."""
        binding = None if isinstance(request, MusicRequest) else self.binding(type(request))
        if binding is None or binding.spec_operation(self.vendor).poll is not None:
            raise UnsupportedRequestError(
                f"{type(request).__name__} starts a {self.vendor} job: use generate(), or "
                "submit() and wait(), instead of call()"
            )
        return binding

    def submit_call(
        self, request: MusicRequest, extra_body: Mapping[str, Any] | None = None
    ) -> Call:
        if not isinstance(request, MusicRequest):
            raise UnsupportedRequestError(
                "submit() takes a request mode (Description, CustomLyrics, Instrumental, "
                f"Extend or Inspiration), not {type(request).__name__}"
            )
        role, body = self.adapter.wire_body(request, callback_url=self.callback_url)
        body.update(self.extra(extra_body))
        if self.webhook_secret is not None and self.webhook_secret_field is not None:
            body[self.webhook_secret_field] = self.webhook_secret
        # Validate before the generated model sees the body: its from_dict raises a bare
        # KeyError for a missing required field (e.g. callBackUrl without a callback_url).
        validate_or_raise(self.vendor, body, role=role)
        call = self.adapter.submit_call(role, body)
        if not _same_json(call.wire_body, body):  # the generated model changed the body
            validate_or_raise(self.vendor, dict(call.wire_body or {}), role=role)
        return call

    def operation_call(
        self,
        operation_id: str,
        body: Mapping[str, Any] | None,
        params: Mapping[str, Any] | None,
    ) -> tuple[Call, bool]:
        """The call of any spec operation, its body validated against the operation's schema,
        and whether it may be re-sent after an ambiguous failure (anything but a create)."""
        operation = spec_operation(self.vendor, operation_id)
        check_extension(self.vendor, operation.operation_id, self.extensions)
        if body is not None and not isinstance(body, Mapping):
            raise ClientValidationError(
                self.vendor,
                [Violation("", "type", "the body must be a mapping (a JSON object)", "type")],
            )
        if params is not None and not isinstance(params, Mapping):
            raise ClientValidationError(
                self.vendor,
                [Violation("params", "type", "params must be a mapping (name: value)", "type")],
            )
        if body is not None and operation.spec.request_schema_pointer is not None:
            validate_or_raise(self.vendor, dict(body), operation_id=operation.operation_id)
        module = endpoint(operation)
        kwargs = arguments(operation, module, body, params)
        # Creates share the vendor's documented create limit; the status poll keeps its own.
        if operation.phase == "create":
            role = "submit"
        elif operation.spec.role == "status":
            role = "status"
        else:
            role = "call"
        return Call(module, kwargs, role, body, operation.server), operation.idempotent

    def operation_result(self, operation_id: str) -> Callable[[RawResponse], Any]:
        """How to read an answer of the operation: the generated model of a success; else the
        vendor's error, mapped through the operation's own code table (x-sunokit tables)."""
        operation = spec_operation(self.vendor, operation_id)
        states = (
            _specs.task_states(self.vendor, operation.state_schema)
            if operation.state is not None and operation.state_schema is not None
            else {}
        )

        def result(response: RawResponse) -> Any:
            # A poll whose state is its envelope's code (201 running, 500 every track failed)
            # answers a documented state, not an error, as `get()` reads it.
            value = dig(response.json(), operation.state) if states else None
            is_state = isinstance(value, (str, int)) and str(value) in states
            if not (is_state and 200 <= response.status_code < 300 and response.parsed is not None):
                self.adapter.raise_for_error(response, operation.code_schema)
            return resolved(response.parsed)

        return result

    def submitted(self, response: RawResponse) -> Task:
        """The queued task a submit answer stands for (its generated model kept as `raw`)."""
        task_id = self.adapter.task_id_from_submit(response)
        return Task(vendor=self.vendor, task_id=task_id, state="queued", raw=response.parsed)

    def send_arguments(self, call: Call) -> dict[str, Any]:
        """The keyword arguments of `httpx.Client.request` for `call`: the generated operation's
        method, path, query, headers and body (its `_get_kwargs`), to an absolute URL.

        sunokit sends itself rather than through the generated `sync_detailed`: an absolute URL
        (parsed once per path, not merged with the base URL per request) and one JSON decode of
        the answer, shared with the generated parser (see `raw`).

        The arguments of a kept poll step's call (`Call.repeated`: a wait sends it again and
        again) are kept with it, bounded like the steps; a JSON body is encoded to the bytes
        httpx's `json=` would send (the generated code sets its Content-Type).
        """
        kept = self._poll_arguments.get(id(call))
        if kept is not None and kept[0] is call:
            return kept[1]
        arguments: dict[str, Any] = call.endpoint._get_kwargs(**call.kwargs)
        arguments["url"] = self._url(call.server, arguments["url"])
        if "json" in arguments:
            arguments["content"] = _encode_json(arguments.pop("json")).encode("utf-8")
        if call.repeated:
            if len(self._poll_arguments) >= _STEPS_KEPT:
                self._poll_arguments.clear()
            self._poll_arguments[id(call)] = (call, arguments)
        return arguments

    def sending(self, call: Call, http: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
        """What sends `call` through `http` (its `request`, or its `send` of a built request)
        and the keyword arguments to call it with.

        A kept poll step's call (`Call.repeated`) through an httpx client sunokit made itself
        is built once (`build_request`, so with the client's own headers and timeout) and that
        request is sent again for every later poll of the job: building it is ~7 % of a poll's
        time over loopback. Only while the client holds no cookie: a cookie a vendor sets must
        travel with the next request, so then every request is built anew, as `request` does.
        Every other call (creates, a raw `request()` of a poll) is built for each send and
        keeps nothing; a caller's client (`_BorrowedClient`) gets `request` every time, so
        everything its owner changes in it applies to the next request.
        """
        if not call.repeated or not isinstance(http, (httpx.Client, httpx.AsyncClient)):
            return http.request, self.send_arguments(call)
        if len(http.cookies.jar):
            return http.request, self.send_arguments(call)
        kept = self._poll_requests.get(id(call))
        if kept is None or kept[0] is not call:
            kept = (call, http.build_request(**self.send_arguments(call)))
            if len(self._poll_requests) >= _STEPS_KEPT:
                self._poll_requests.clear()
            self._poll_requests[id(call)] = kept
        return http.send, {"request": kept[1]}

    def _url(self, server: str | None, path: str) -> httpx.URL:
        url = self._urls.get((server, path))
        if url is None:
            base = self.base_url if server is None else self.server_urls[server]
            # what httpx's base-URL merge makes of it: the base path, then the operation's path
            url = httpx.URL(base.rstrip("/") + "/" + path.lstrip("/"))
            if len(self._urls) >= _URLS_KEPT:  # paths with a job id in them: keep it bounded
                self._urls.clear()
            self._urls[(server, path)] = url
        return url

    def raw(self, response: httpx.Response, call: Call) -> RawResponse:
        """What the overlay keeps of an answer: status, headers, body decoded once, and the
        generated model the operation's parser makes of it (None where the body does not have
        the documented shape)."""
        content = response.content
        status = response.status_code
        decoded = decode_json(content)
        parse = functools.partial(_generated_model, call.endpoint, status, content, decoded)
        if answer_has_documented_shape(self.vendor, _operation_id(call.endpoint), status, decoded):
            parsed: Any = LazyModel(parse)  # built when someone reads task.raw
        else:
            parsed = parse()  # None where the body is not the documented answer
        return RawResponse(
            status_code=status,
            headers=response.headers,  # read only for an error (Retry-After): not copied
            content=content,
            parsed=parsed,
            decoded=decoded,
        )

    def transport_error(self, error: Exception) -> APIError:
        """Translate what httpx or the generated code raised into the sunokit tree."""
        name = type(error).__name__
        for caught, sunokit_class, sent, what in TRANSPORT_ERRORS:
            if isinstance(error, caught):
                sent = sent or not _translation_proves_unsent(error)
                consequence = (
                    "the request may have been processed" if sent else "the request was not sent"
                )
                return sunokit_class(
                    f"{self.vendor}: {what} ({name}; {consequence})",
                    vendor=self.vendor,
                    request_sent=sent,
                )
        return APIResponseError(
            f"{self.vendor}: unreadable answer ({name}: {error})", vendor=self.vendor
        )

    def waiter(self, task_id: str, *, until: Until, timeout: float, last: Task | None) -> Waiter:
        return Waiter.start(
            task_id,
            until=until,
            timeout=timeout,
            interval=self.poll_interval,
            now=self.clock(),
            last=last,
        )

    def exchange(
        self, call: Call, parse: Callable[[RawResponse], T], *, idempotent: bool, key: str
    ) -> _Exchange[T]:
        return _Exchange(self, call, parse, idempotent=idempotent, key=key)

    def redact(self, error: SunokitError) -> SunokitError:
        """The error itself, with the API key masked wherever a vendor echoed it (message, args,
        body, task; see `_redact`)."""
        return self._redactor.error(error)

    @contextlib.contextmanager
    def after_acceptance(self, task: Callable[[], Task | None]) -> Iterator[None]:
        """Give every sunokit error raised inside the task the vendor accepted (`task()` is
        the latest known snapshot), and mask the key in it."""
        try:
            yield
        except SunokitError as error:
            accepted = task()
            if accepted is not None and isinstance(error, APIError):
                error.attach_task(accepted)
            raise self.redact(error) from error.__cause__

    def last_seen(self, waiter: Waiter) -> Callable[[], Task | None]:
        """The latest snapshot of the task a wait is about; None while nothing says the vendor
        accepted it (a bare id that no poll has answered yet)."""
        return lambda: waiter.last

    def check_generate_options(self, *, until: object, timeout: object) -> None:
        """Everything a wait after a create needs, checked before the create spends credits."""
        check_wait_options(until=until, timeout=timeout)
        assert isinstance(timeout, (int, float))
        if timeout <= 0:
            raise ConfigurationError(
                f"timeout must be > 0 for generate(): with {timeout!r} it would pay for a task "
                "and stop waiting at once (use submit() to create without waiting)"
            )
        Waiter.start("", until=until, timeout=timeout, interval=self.poll_interval, now=0.0)  # type: ignore[arg-type]  # checked above

    def __repr__(self) -> str:
        return f"<{self.vendor} at {self.base_url}>"


def _same_json(a: object, b: object) -> bool:
    """Equal as JSON values, types included (True is not 1 here, 1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(_same_json(a[key], b[key]) for key in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _check_api_key(key: object, source: str) -> None:
    """Refuse a key that cannot be sent as a bearer token, without ever showing it."""
    if not isinstance(key, str):
        raise ConfigurationError(f"{source} must be a string, not {type(key).__name__}")
    if not all("!" <= char <= "~" for char in key):
        raise ConfigurationError(
            f"the API key from {source} contains spaces, line breaks, control or non-ASCII "
            "characters; copy it again without them"
        )


def _checked_base_url(url: object, source: str) -> str:
    """The base URL without its trailing slash, or ConfigurationError naming where it came from."""
    problem = None
    if not isinstance(url, str):
        problem = f"must be a string, not {type(url).__name__}"
    else:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as error:
            problem = f"is not a valid URL ({error})"
        else:
            if parsed.scheme not in ("http", "https") or not parsed.host:
                problem = "must be an absolute http(s) URL"
    if problem is not None:
        raise ConfigurationError(
            f"{source} {problem}: {url!r}; e.g. https://api.example.com (the vendor's host)"
        )
    assert isinstance(url, str)
    return url.rstrip("/")


def _checked_extra_body(extra: object, name: str) -> dict[str, Any]:
    """Fields to send that the spec may not know (openai-python's extra_body): a mapping with
    string keys. They are validated with the body: a known field by its rules, an unknown one
    passes through and is sent, never dropped."""
    if extra is None:
        return {}
    if not isinstance(extra, Mapping) or not all(isinstance(key, str) for key in extra):
        raise ConfigurationError(f"{name} must be a mapping of field names to JSON values")
    return dict(extra)


def _checked_timeout(timeout: object) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout is None:  # httpx's "no timeout"
        return httpx.Timeout(None)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise ConfigurationError(
            f"timeout must be a finite number of seconds > 0 (or an httpx.Timeout), not {timeout!r}"
        )
    return httpx.Timeout(timeout)


class _Slots:
    """At most `count` threads past `take()` at once: a counting semaphore over a C queue of
    tokens (threading.BoundedSemaphore's Python lock dance costs ~2 µs per request)."""

    __slots__ = ("_tokens",)

    def __init__(self, count: int) -> None:
        self._tokens: queue.SimpleQueue[None] = queue.SimpleQueue()
        for _ in range(count):
            self._tokens.put(None)

    def take(self) -> None:
        self._tokens.get()

    def give_back(self) -> None:
        self._tokens.put(None)


def _checked_max_concurrency(bound: object) -> int | None:
    """`max_concurrency`: an int >= 1, or None for no bound (the http pool's own queue)."""
    if bound is None:
        return None
    if isinstance(bound, bool) or not isinstance(bound, int) or bound < 1:
        raise ConfigurationError(
            f"max_concurrency must be an integer >= 1 (or None for no bound), not {bound!r}"
        )
    return bound


@functools.cache
def _signing_secret_field(vendor: str) -> str | None:
    """The create field that carries the vendor's webhook signing secret (the spec's
    x-sunokit-callback signature), None where the vendor signs nothing."""
    from .callbacks import _secret_field, callback_vendors  # only a journal needs them here

    return _secret_field(vendor) if vendor in callback_vendors() else None


def _webhook_secret_field(vendor: str, secret: str) -> str:
    """The submit field that carries `secret`, for a vendor that signs its webhooks."""
    from .callbacks import _secret_field, callback_vendors  # only a signing client needs them

    if not isinstance(secret, str) or not secret:
        raise ConfigurationError("webhook_secret must be a non-empty string")
    signing = [v for v in callback_vendors() if _secret_field(v) is not None]
    field = _secret_field(vendor) if vendor in callback_vendors() else None
    if field is None:
        raise ConfigurationError(
            f"{vendor} does not sign its callbacks, so webhook_secret has no use; "
            f"vendors that sign: {', '.join(signing)}"
        )
    return field


#: httpx exception -> (sunokit class, whether the request may have left this machine, what
#: happened). First match wins. Only a connection that was never opened, or never taken from
#: the pool, proves nothing was sent; everything after that may have reached the vendor.
TRANSPORT_ERRORS: tuple[tuple[type[Exception], type[APIConnectionError], bool, str], ...] = (
    (httpx.ConnectTimeout, APITimeoutError, False, "connect timeout"),
    (httpx.PoolTimeout, APITimeoutError, False, "no free connection in the pool in time"),
    (httpx.TimeoutException, APITimeoutError, True, "no answer in time"),
    (httpx.ConnectError, APIConnectionError, False, "cannot connect"),
    (httpx.UnsupportedProtocol, APIConnectionError, False, "unsupported URL scheme"),
    (httpx.TransportError, APIConnectionError, True, "connection failed"),
)


#: Another HTTP library's exceptions that prove the connection was never opened, by qualified
#: class name (matched over the cause's MRO, so nothing is imported for it).
FOREIGN_NOT_SENT: frozenset[str] = frozenset({"aiohttp.client_exceptions.ClientConnectorError"})


def _translation_proves_unsent(error: Exception) -> bool:
    """Whether a "not sent" httpx class can be believed for this error.

    httpx's own transport (its cause is an httpcore error, or none) is trusted. A transport
    that translates another library's errors is judged by the original: httpx_aiohttp raises
    `httpx.ConnectTimeout` for aiohttp's `ServerDisconnectedError`, a connection closed after
    the request was written; believed, a create the vendor accepted would be re-sent.
    """
    cause = error.__cause__
    # respx re-raises the very httpx exception a test's side effect chose (from SideEffectError)
    if cause is None or type(cause).__module__.partition(".")[0] in ("httpx", "httpcore", "respx"):
        return True
    return any(f"{c.__module__}.{c.__qualname__}" in FOREIGN_NOT_SENT for c in type(cause).__mro__)


@functools.cache
def _role_operation_id(vendor: str, role: str) -> str | None:
    """The operationId of the vendor's operation with `x-sunokit-role: role`, if any."""
    return (
        _specs.operation(vendor, role).operation_id if _specs.has_operation(vendor, role) else None
    )


@functools.cache
def _operation_id(endpoint: ModuleType) -> str:
    """The operationId a generated endpoint module is named after."""
    return endpoint.__name__.rpartition(".")[2]


def _generated_model(endpoint: ModuleType, status: int, content: bytes, decoded: Any) -> Any:
    """What the operation's generated parser makes of an answer; None where it fails."""
    try:
        return endpoint._parse_response(
            client=_GENERATED_PARSER_OPTIONS, response=_Answer(status, content, decoded)
        )
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


class _GeneratedParserOptions:
    """What a generated `_parse_response` reads of its client: answers with an undocumented
    status become `None`, never an exception."""

    raise_on_unexpected_status = False


_GENERATED_PARSER_OPTIONS = _GeneratedParserOptions()


@attrs.frozen
class _Answer:
    """The part of an httpx.Response a generated `_parse_response` reads, with the body the
    overlay decoded once (`json()` is None where the body is not JSON: the parser then fails,
    and the answer's `parsed` is None, as with an httpx response)."""

    status_code: int
    content: bytes
    decoded: Any

    def json(self) -> Any:
        return self.decoded

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class _BorrowedClient:
    """A caller's httpx client, used as it is: the vendor's base URL and auth header are added
    to each request, never written into the caller's client (which sunokit never closes either).
    The generated code calls only `request`."""

    def __init__(
        self, client: httpx.Client | httpx.AsyncClient, base_url: str, auth: Mapping[str, str]
    ) -> None:
        self._client: Any = client
        self._base_url = base_url
        self._auth = dict(auth)

    def _arguments(self, url: httpx.URL | str, kwargs: dict[str, Any]) -> dict[str, Any]:
        return {
            **kwargs,
            "url": url if isinstance(url, httpx.URL) else self._base_url + url,
            "headers": {**(kwargs.get("headers") or {}), **self._auth},
        }

    def request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = self._client.request(method, **self._arguments(url, kwargs))
        return response

    def __repr__(self) -> str:
        return f"<borrowed {self._client!r} for {self._base_url}>"


class _BorrowedAsyncClient(_BorrowedClient):
    async def request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        response: httpx.Response = await self._client.request(
            method, **self._arguments(url, kwargs)
        )
        return response


class _Driver:
    def __init__(self, core: _ClientCore, clock: Callable[[], float]) -> None:
        self._core = core
        self._clock = clock

    @property
    def vendor(self) -> str:
        return self._core.vendor

    @property
    def journal(self) -> Journal | None:
        return self._core.journal

    def pending(self) -> list[JournalEntry]:
        """This vendor's journal entries paid for and not finished, and creates of unknown
        outcome (see `sunokit.Journal`); ConfigurationError without a journal."""
        if self._core.journal is None:
            raise ConfigurationError("pending() needs a journal: pass journal=... to the client")
        return self._core.journal.pending(self._core.vendor)

    def _close_journal(self) -> None:
        if self._core.owns_journal and self._core.journal is not None:
            self._core.journal.close()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(vendor={self._core.vendor!r}, base_url={self._core.base_url!r})"
        )


# What a send can raise besides httpx's errors: the generated parser's reactions to a drifted or
# hostile answer (json.loads raises RecursionError for deep nesting).
_CAUGHT = (
    httpx.HTTPError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    RecursionError,
    ArithmeticError,
)


class SunoClient(_Driver):
    """Synchronous client for one vendor: submit, get, wait, generate.

    `callback_url` is sent with every submission (a request's own callback_url wins);
    `webhook_secret` asks a vendor that signs its webhooks (SunoAPI.com) to sign them with it,
    for `sunokit.callbacks.unwrap(..., secret=...)` to verify.

    `extra_body` adds fields to every create's wire body as they are — fields the spec does not
    know yet (a vendor's newest parameter) are sent, never dropped; a field the spec knows is
    validated by its rules. `submit()`/`generate()` take a per-request `extra_body` on top.

    `upload_base_url` is where operations the spec sends to another host go (file uploads):
    None reads <VENDOR>_UPLOAD_BASE_URL, else the spec's server.

    `rate_limiter` keeps the vendor's documented rate limits (the specs' x-sunokit-rate-limit)
    where the clients sharing one API key can see each other: a URL, `redis://host:port/db`
    (every machine using that Redis server) or `sqlite:///absolute/path.db` (every process on
    this machine), or a `sunokit.LimiterBackend` object shared by several clients; None reads the
    URL from SUNOKIT_LIMITER_URL, else this client keeps its own limits in memory. A request takes
    a permit before it is sent and frees it `per_seconds` after its answer. A bad URL is a
    ConfigurationError naming the argument or the variable.

    `max_concurrency` bounds the requests this client has in flight at once (default 20, the
    connections httpx keeps alive); more callers wait for a slot, with no pool timeout running,
    so 1,000 concurrent generate() calls on one client all succeed. None: no bound.

    `extensions` opts in to operations the spec marks as one gateway's extension of the
    vendor's stock API (x-sunokit-extension, e.g. `("yutoai",)` for a relay gateway that
    documents concat): without it supports() is False for them and they are never sent, as a
    plain gateway answers them with 404 or 503. An unknown gateway name is a ConfigurationError.
    """

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        callback_url: str | None = None,
        webhook_secret: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        upload_base_url: str | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        journal: JournalOption = None,
        rate_limiter: str | LimiterBackend | None = None,
        max_concurrency: int | None = DEFAULT_MAX_CONCURRENCY,
        extensions: Sequence[str] = (),
    ) -> None:
        bound = _checked_max_concurrency(max_concurrency)  # before anything is opened
        core = _ClientCore(
            vendor,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            callback_url=callback_url,
            webhook_secret=webhook_secret,
            extra_body=extra_body,
            upload_base_url=upload_base_url,
            poll_interval=poll_interval,
            clock=clock,
            journal=journal,
            rate_limiter=rate_limiter,
            extensions=extensions,
        )
        super().__init__(core, clock)
        self._clients = core.generated_clients(http_client)
        self._http = {server: c.get_httpx_client() for server, c in self._clients.items()}
        self._owns_http_client = http_client is None
        self._sleep = sleep
        self._in_flight = _Slots(bound) if bound else None

    def close(self) -> None:
        """Close the connections this client opened (a given `http_client` stays open).
        Everything is closed even when closing one part raises (that error is raised after)."""
        with contextlib.ExitStack() as closing:  # callbacks run last-in first-out
            if self._owns_http_client:
                for client in self._clients.values():
                    closing.callback(client.get_httpx_client().close)
            closing.callback(self._core.limiters.close)
            closing.callback(self._close_journal)

    def __enter__(self) -> SunoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(
        self, call: Call, parse: Callable[[RawResponse], T], *, idempotent: bool, key: str
    ) -> T:
        exchange = self._core.exchange(call, parse, idempotent=idempotent, key=key)
        while True:  # bounded: the retry policy gives up by attempts and by total time
            while (pause := exchange.pause_before_send()) > 0:  # until a permit is held
                self._sleep(pause)
            try:
                send, arguments = self._core.sending(call, self._http[call.server])
                if self._in_flight is None:
                    outcome: Any = send(**arguments)
                else:  # at most max_concurrency requests in the pool
                    self._in_flight.take()
                    try:
                        outcome = send(**arguments)
                    finally:
                        self._in_flight.give_back()
            except _CAUGHT as error:
                outcome = error
            finally:
                exchange.gate.done()  # the answer is back (or the send failed): free the permit
            settled = exchange.settle(outcome)
            if not isinstance(settled, _Retry):
                return settled
            self._sleep(settled.delay)

    def submit(self, request: Request, *, extra_body: Mapping[str, Any] | None = None) -> Task:
        """Validate locally, then send once (re-sent only when the vendor provably refused).

        Music modes and every bound capability (`GenerateLyrics`, ...); the Task is the job's
        first snapshot and the handle for get() and wait().
        """
        if isinstance(request, MusicRequest):
            call = self._core.submit_call(request, extra_body)
            with self._core.journal_submission(call) as journaled:
                return journaled.accepted(
                    self._send(call, self._core.submitted, idempotent=False, key="")
                )
        step = self._core.typed_call(request, extra_body)
        if step.journaled is None:
            return self._step(step)
        with self._core.journal_submission(step.call, step.journaled) as journaled:
            return journaled.accepted(self._step(step))

    def _step(self, step: _Step[T]) -> T:
        return self._send(step.call, step.parse, idempotent=step.idempotent, key=step.key)

    def get(self, task: Task | str) -> Task:
        """The job's current snapshot. A bare id is a music task's."""
        step = self._core.poll_step(task)
        if step is None:
            assert isinstance(task, Task)
            return task
        return self._send(step.call, step.parse, idempotent=step.idempotent, key=step.key)

    def call(self, request: Request) -> Any:
        """Send a request that is answered at once (`GetCredits`, ...) and return its result."""
        self._core.answer_at_once(request)
        return self.submit(request).result

    def supports(self, request_type: type[Any]) -> bool:
        """Whether this vendor offers the request type."""
        return self._core.supports(request_type)

    def request(
        self,
        operation_id: str,
        body: Mapping[str, Any] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call any operation of the vendor's spec by its operationId, typed binding or not.

        `body` is the wire-format JSON body (validated against the operation's schema before
        anything is sent), `params` the query/path parameters by their wire names. A create is
        never re-sent after an ambiguous failure; other phases are retried. Errors are mapped
        through the spec's tables; the answer is the generated model of the success response.
        """
        call, idempotent = self._core.operation_call(operation_id, body, params)
        return self._send(
            call, self._core.operation_result(operation_id), idempotent=idempotent, key=""
        )

    def wait(
        self,
        task: Task | str,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        """Poll until the job reaches `until` (or fails, or `timeout` passes). A bare id is a
        music task's."""
        return self._wait(task, until=until, timeout=timeout, on_update=on_update)

    def _wait(
        self,
        job: Task | str,
        *,
        until: Until,
        timeout: float,
        on_update: OnUpdate | None,
        last: Task | None = None,
    ) -> Task:
        task_id = job.task_id if isinstance(job, Task) else job
        last = last or (job if isinstance(job, Task) else None)
        waiter = self._core.waiter(task_id, until=until, timeout=timeout, last=last)
        with self._core.after_acceptance(self._core.last_seen(waiter)):
            # get(job) without its lookup and frame per poll (every poll of a wait is the same)
            poll = self._core.poll_step(job)
            while True:  # bounded: the waiter ends the wait by its deadline and its poll count
                if poll is None:
                    assert isinstance(job, Task)
                    task = job
                else:
                    task = self._send(
                        poll.call, poll.parse, idempotent=poll.idempotent, key=poll.key
                    )
                step = waiter.observe(task, now=self._clock())
                self._core.journal_observe(task)
                if step.notify and on_update is not None:
                    on_update(task)
                if step.error is not None:
                    raise step.error
                if step.done:
                    return task
                self._sleep(step.delay)

    def generate(
        self,
        request: Request,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Task:
        """submit() and wait(): the finished Task (`task.tracks`, `task.result`)."""
        self._core.check_generate_options(until=until, timeout=timeout)  # before paying
        task = self.submit(request, extra_body=extra_body)
        if on_update is not None:
            with self._core.after_acceptance(lambda: task):
                on_update(task)
        if task.done:
            return task
        return self._wait(task, until=until, timeout=timeout, on_update=on_update, last=task)


async def _async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class AsyncSunoClient(_Driver):
    """Asynchronous twin of SunoClient, with the same methods awaited."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        callback_url: str | None = None,
        webhook_secret: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        upload_base_url: str | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = _async_sleep,
        clock: Callable[[], float] = time.monotonic,
        journal: JournalOption = None,
        rate_limiter: str | LimiterBackend | None = None,
        max_concurrency: int | None = DEFAULT_MAX_CONCURRENCY,
        extensions: Sequence[str] = (),
    ) -> None:
        bound = _checked_max_concurrency(max_concurrency)  # before anything is opened
        core = _ClientCore(
            vendor,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            callback_url=callback_url,
            webhook_secret=webhook_secret,
            extra_body=extra_body,
            upload_base_url=upload_base_url,
            poll_interval=poll_interval,
            clock=clock,
            journal=journal,
            rate_limiter=rate_limiter,
            extensions=extensions,
        )
        super().__init__(core, clock)
        self._clients = core.generated_clients(http_client)
        self._http = {server: c.get_async_httpx_client() for server, c in self._clients.items()}
        self._owns_http_client = http_client is None
        self._sleep = sleep
        self._max_concurrency = bound
        # One asyncio.Semaphore per event loop (a semaphore is bound to the loop it first waits
        # on), made at the first send on that loop.
        self._in_flight: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    def _slots(self) -> asyncio.Semaphore | None:
        if not self._max_concurrency:
            return None
        loop = asyncio.get_running_loop()
        if self._in_flight is None or self._in_flight[0] is not loop:
            self._in_flight = (loop, asyncio.Semaphore(self._max_concurrency))
        return self._in_flight[1]

    async def aclose(self) -> None:
        """Close the connections this client opened (a given `http_client` stays open).
        Everything is closed even when closing one part raises (that error is raised after)."""
        async with contextlib.AsyncExitStack() as closing:  # last-in first-out
            if self._owns_http_client:
                for client in self._clients.values():
                    closing.push_async_callback(client.get_async_httpx_client().aclose)
            closing.push_async_callback(self._core.limiters.aclose)
            closing.callback(self._close_journal)

    async def __aenter__(self) -> AsyncSunoClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _send(
        self, call: Call, parse: Callable[[RawResponse], T], *, idempotent: bool, key: str
    ) -> T:
        exchange = self._core.exchange(call, parse, idempotent=idempotent, key=key)
        gate = exchange.gate
        while True:  # bounded: the retry policy gives up by attempts and by total time
            # (a request without a documented limit skips the two awaits)
            while gate.limited and (pause := await gate.apause()) > 0:  # until a permit is held
                await self._sleep(pause)
            try:
                send, arguments = self._core.sending(call, self._http[call.server])
                slots = self._slots()
                if slots is None:
                    outcome: Any = await send(**arguments)
                else:
                    async with slots:  # at most max_concurrency requests in the pool
                        outcome = await send(**arguments)
            except _CAUGHT as error:
                outcome = error
            finally:
                if gate.limited:
                    await gate.adone()  # the answer is back (or the send failed)
            settled = exchange.settle(outcome)
            if not isinstance(settled, _Retry):
                return settled
            await self._sleep(settled.delay)

    async def submit(
        self, request: Request, *, extra_body: Mapping[str, Any] | None = None
    ) -> Task:
        """Validate locally, then send once (see SunoClient.submit)."""
        if isinstance(request, MusicRequest):
            call = self._core.submit_call(request, extra_body)
            with self._core.journal_submission(call) as journaled:
                return journaled.accepted(
                    await self._send(call, self._core.submitted, idempotent=False, key="")
                )
        step = self._core.typed_call(request, extra_body)
        if step.journaled is None:
            return await self._step(step)
        with self._core.journal_submission(step.call, step.journaled) as journaled:
            return journaled.accepted(await self._step(step))

    async def _step(self, step: _Step[T]) -> T:
        return await self._send(step.call, step.parse, idempotent=step.idempotent, key=step.key)

    async def get(self, task: Task | str) -> Task:
        """The job's current snapshot. A bare id is a music task's."""
        step = self._core.poll_step(task)
        if step is None:
            assert isinstance(task, Task)
            return task
        return await self._send(step.call, step.parse, idempotent=step.idempotent, key=step.key)

    async def call(self, request: Request) -> Any:
        """Send a request that is answered at once (`GetCredits`, ...) and return its result."""
        self._core.answer_at_once(request)
        return (await self.submit(request)).result

    def supports(self, request_type: type[Any]) -> bool:
        """Whether this vendor offers the request type."""
        return self._core.supports(request_type)

    async def request(
        self,
        operation_id: str,
        body: Mapping[str, Any] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call any operation of the vendor's spec by its operationId (see SunoClient.request)."""
        call, idempotent = self._core.operation_call(operation_id, body, params)
        return await self._send(
            call, self._core.operation_result(operation_id), idempotent=idempotent, key=""
        )

    async def wait(
        self,
        task: Task | str,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        """Poll until the job reaches `until` (see SunoClient.wait)."""
        return await self._wait(task, until=until, timeout=timeout, on_update=on_update)

    async def _wait(
        self,
        job: Task | str,
        *,
        until: Until,
        timeout: float,
        on_update: OnUpdate | None,
        last: Task | None = None,
    ) -> Task:
        task_id = job.task_id if isinstance(job, Task) else job
        last = last or (job if isinstance(job, Task) else None)
        waiter = self._core.waiter(task_id, until=until, timeout=timeout, last=last)
        with self._core.after_acceptance(self._core.last_seen(waiter)):
            # get(job) without its lookup and frame per poll (every poll of a wait is the same)
            poll = self._core.poll_step(job)
            while True:  # bounded: the waiter ends the wait by its deadline and its poll count
                if poll is None:
                    assert isinstance(job, Task)
                    task = job
                else:
                    task = await self._send(
                        poll.call, poll.parse, idempotent=poll.idempotent, key=poll.key
                    )
                step = waiter.observe(task, now=self._clock())
                self._core.journal_observe(task)
                if step.notify and on_update is not None:
                    on_update(task)
                if step.error is not None:
                    raise step.error
                if step.done:
                    return task
                await self._sleep(step.delay)

    async def generate(
        self,
        request: Request,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Task:
        self._core.check_generate_options(until=until, timeout=timeout)  # before paying
        task = await self.submit(request, extra_body=extra_body)
        if on_update is not None:
            with self._core.after_acceptance(lambda: task):
                on_update(task)
        if task.done:
            return task
        return await self._wait(task, until=until, timeout=timeout, on_update=on_update, last=task)


def recorded_create(
    client: SunoClient | AsyncSunoClient,
    operation_id: str,
    request: Mapping[str, Any] | None,
    *,
    typed: Request | None = None,
    params: Mapping[str, Any] | None = None,
) -> contextlib.AbstractContextManager[Submission]:
    """Records in the client's journal, around its send, a create the client does not record
    itself, as it records its own (`_journal.submission`): `request` as `journaled_body` keeps
    it, a failure judged by the client's rule of which refusals are the vendor's own words (only
    those prove nothing was accepted), its message masked. Without a journal, nothing is
    recorded.

    For a raw `request()` create (`sunokit request`) and a batch line answered at once (which a
    re-run must not send again). The request is checked first, so one refused locally leaves
    nothing in the journal: `typed`, the request about to be submitted, as `submit()` checks
    it; else `request` is the wire body about to be sent with `params` by
    `client.request(operation_id, ...)`, checked as `request()` checks it.
    """
    core = client._core
    if typed is not None:
        core.typed_call(typed)  # ClientValidationError / UnsupportedRequestError, nothing sent
    else:
        core.operation_call(operation_id, request, params)
    journal = core.journal
    return submission(
        journal,
        vendor=core.vendor,
        operation=operation_id,
        capability=spec_operation(core.vendor, operation_id).capability,
        request=core.journaled_body(request) if journal is not None else {},
        refused=core.refused_in_vendor_words,
        mask=core._redactor.text,
    )
