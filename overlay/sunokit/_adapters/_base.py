"""What every vendor adapter does, and the pieces they share."""

from __future__ import annotations

import abc
import functools
import importlib
import json
import re
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, ClassVar

import attrs

from .. import _specs
from .._errors import (
    APIResponseError,
    APIStatusError,
    AuthenticationError,
    ClientValidationError,
    ConflictError,
    ContentRejectedError,
    InsufficientCreditsError,
    InvalidRequestError,
    MaintenanceError,
    NotFoundError,
    RateLimitError,
    ServerError,
    SunokitError,
    UnsupportedRequestError,
)
from .._json_types import json_type
from .._models import Task, TaskError, TaskState, Track, parse_duration, with_raw_of_new
from .._requests import NO_TUNING, MusicRequest, Tuning
from .._retry import parse_retry_after
from .._validation import Violation

ERROR_CLASSES: Mapping[str, type[APIStatusError]] = {
    "authentication": AuthenticationError,
    "insufficient_credits": InsufficientCreditsError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "invalid_request": InvalidRequestError,
    "content_rejected": ContentRejectedError,
    "rate_limited": RateLimitError,
    "maintenance": MaintenanceError,
    "server_error": ServerError,
}

# Used only when the body carries no vendor code (an HTML error page, an empty body).
_HTTP_KINDS: Mapping[int, str] = {
    400: "invalid_request",
    401: "authentication",
    402: "insufficient_credits",
    403: "authentication",
    404: "not_found",
    409: "conflict",
    422: "invalid_request",
    429: "rate_limited",
    503: "maintenance",
}


def kind_for_http_status(status_code: int) -> str | None:
    if status_code in _HTTP_KINDS:
        return _HTTP_KINDS[status_code]
    if status_code >= 500:
        return "server_error"
    if status_code >= 400:
        return "invalid_request"
    return None


@attrs.frozen
class Call:
    """One generated operation to invoke: its module (with sync_detailed/asyncio_detailed)."""

    endpoint: ModuleType
    kwargs: Mapping[str, Any]
    role: str
    wire_body: Mapping[str, Any] | None = None
    #: The spec's operation-level server (another host, e.g. file uploads); None: base_url.
    server: str | None = None
    #: A kept poll step's call, sent again for every poll of its job: what it sends is built
    #: once and kept with it (`_ClientCore.sending`); any other call is built for each send.
    repeated: bool = False


_NOT_DECODED: Any = object()


@attrs.frozen(slots=False)  # built for every answer: a __dict__ class's __init__ is cheaper
class RawResponse:
    """What the overlay keeps of an HTTP answer, whatever the generated parser made of it."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    parsed: Any
    #: The body as `decode_json` decoded it, where the sender already did (else decoded on the
    #: first `json()`).
    decoded: Any = attrs.field(default=_NOT_DECODED, repr=False, eq=False)

    def json(self) -> Any:
        """The decoded body (None when it is no JSON), decoded once however often it is read;
        callers treat it as read-only."""
        decoded = self.decoded
        return self._decoded if decoded is _NOT_DECODED else decoded

    @functools.cached_property
    def _decoded(self) -> Any:
        return decode_json(self.content)


def decode_json(content: bytes) -> Any:
    """A JSON body's value; None when it is no (UTF-8) JSON or nests too deep to decode."""
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def make_error(
    vendor: str,
    kind: str,
    *,
    message: str,
    code: str | int | None,
    response: RawResponse,
) -> APIStatusError:
    return ERROR_CLASSES[kind](
        message,
        vendor=vendor,
        code=code,
        status_code=response.status_code,
        body=response.json() if response.content else None,
        retry_after=parse_retry_after(response.headers),
    )


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value != "" else None


# --------------------------------------------------------------------------- hostile answers


class AnswerShapeError(ValueError):
    """A vendor answer whose structure is not the documented one; the message names the field
    and what the spec says it is. `understood` turns it into an APIResponseError."""


def objects_at(value: object, field: str) -> list[Mapping[str, Any]]:
    """The objects of a documented array-of-objects field: none for null (or absent), else
    AnswerShapeError naming the field when it is no array or holds a non-object."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnswerShapeError(f"{field} is {json_type(value)}; the spec says an array (or null)")
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise AnswerShapeError(
                f"{field}[{index}] is {json_type(item)}; the spec says an object"
            )
    return value


def object_at(value: object, field: str) -> Mapping[str, Any]:
    """A documented object field: empty for null (or absent), else AnswerShapeError naming it."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnswerShapeError(f"{field} is {json_type(value)}; the spec says an object (or null)")
    return value


def id_at(value: object, field: str) -> str:
    """A documented id field as text ("" for null or absent; an integer id as its digits), else
    AnswerShapeError naming it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise AnswerShapeError(f"{field} is {json_type(value)}; the spec says a string")


class understood:
    """Anything a hostile or drifted answer makes the parsing raise, as an APIResponseError.

    Sunokit errors pass through. AnswerShapeError names the field; a RecursionError is an answer
    nested too deeply; any other exception (a huge number, a type the parser did not expect) is
    still an answer that cannot be understood, never a raw TypeError or OverflowError.
    (A class, not a generator: every answer is read inside one or two of these.)
    """

    __slots__ = ("body", "status_code", "vendor", "what")

    def __init__(self, vendor: str, what: str, *, body: Any, status_code: int | None) -> None:
        self.vendor, self.what, self.body, self.status_code = vendor, what, body, status_code

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> None:
        if error is None or isinstance(error, SunokitError):
            return
        vendor, what = self.vendor, self.what
        if isinstance(error, AnswerShapeError):
            message = f"{vendor} answered a {what} that does not match the spec: {error}"
        elif isinstance(error, RecursionError):
            message = f"{vendor} answered a {what} nested too deeply to read"
        elif isinstance(
            error, (ArithmeticError, LookupError, TypeError, ValueError, AttributeError)
        ):
            detail = str(error)
            detail = detail if len(detail) <= 200 else detail[:197] + "..."
            message = (
                f"{vendor} answered a {what} that cannot be understood "
                f"({type(error).__name__}: {detail})"
            )
        else:
            return
        raise APIResponseError(message, vendor=vendor, status_code=self.status_code, body=self.body)


# --------------------------------------------------------------------------- task ids

#: The longest task id `get` sends. No vendor documents a limit; their ids are UUIDs or shorter
#: hex strings, and an id is sent in a URL (a path segment for some vendors), which has limits.
MAX_TASK_ID_LENGTH = 256

# RFC 3986 unreserved and sub-delims plus ":" and "@": what a path segment (and a query value)
# holds as it is. No "/", "?", "#" or "%": they would change the URL the id is sent in.
_TASK_ID = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]+")

_TUNING_FIELDS = tuple(attrs.fields_dict(Tuning))


def check_task_id(vendor: str, task_id: object, *, in_path: bool = True) -> str:
    """`task_id` as given, or ClientValidationError naming `task_id` and the rule it breaks.

    An id sent as a path segment (`in_path`) must be a segment as it is: anything else would
    change the URL. An id sent in the query or the body is encoded by httpx, so any non-empty
    string of bounded length can be sent (a vendor's documented example id holds a space).
    """
    problem = None
    if not isinstance(task_id, str):
        problem = f"task_id must be a string, not {type(task_id).__name__}"
    elif not task_id:
        problem = "task_id must not be empty"
    elif len(task_id) > MAX_TASK_ID_LENGTH:
        problem = (
            f"task_id is {len(task_id)} characters; task ids are at most "
            f"{MAX_TASK_ID_LENGTH} characters"
        )
    elif in_path and (not _TASK_ID.fullmatch(task_id) or set(task_id) == {"."}):
        problem = (
            f"task_id {task_id[:40]!r} contains characters a task id cannot have (only letters, "
            "digits and -._~!$&'()*+,;=:@ are sent as they are; no spaces, control characters, "
            "/, ?, # or %), or is only dots"
        )
    if problem is not None:
        raise ClientValidationError(vendor, [Violation("task_id", "task-id", problem, "task_id")])
    assert isinstance(task_id, str)
    return task_id


Getter = Callable[[Mapping[str, Any]], Any]
TrackKeys = Mapping[str, str | Getter]

#: Track's fields read from a vendor's track object, in the order Track takes them.
_TRACK_FIELDS = (
    "id",
    "title",
    "audio_url",
    "stream_url",
    "image_url",
    "duration",
    "tags",
    "lyrics",
    "model",
    "created_at",
)
_PLANS: dict[int, tuple[TrackKeys, tuple[str | Getter | None, ...]]] = {}


def _plan(keys: TrackKeys) -> tuple[str | Getter | None, ...]:
    """The source of each of Track's fields (None: not read), per `keys` mapping; kept for
    the adapters' constant mappings (the mapping is held, so its id stays its own)."""
    found = _PLANS.get(id(keys))
    if found is None or found[0] is not keys:
        found = (keys, tuple(keys.get(field) for field in _TRACK_FIELDS))
        if len(_PLANS) < 64:
            _PLANS[id(keys)] = found
    return found[1]


def track_from(
    item: Mapping[str, Any],
    *,
    keys: TrackKeys,
    task_id: str = "",
    fixed: Mapping[str, Any] | None = None,
) -> Track:
    """Build a Track from a vendor dict; `keys` maps Track fields to vendor keys (or getters),
    `fixed` gives fields the item does not carry (the same for every track of a task).
    `task_id`: the task it belongs to, where known (else the Task holding it stamps it)."""
    get = item.get
    # every poll builds every track: one pass over a plan made once per mapping
    values = [
        None if source is None else get(source) if type(source) is str else source(item)  # type: ignore[operator]
        for source in _plan(keys)
    ]
    if fixed:
        for field, value in fixed.items():
            values[_TRACK_FIELDS.index(field)] = value
    identifier, title, audio, stream, image, duration, tags, lyrics, model, created = values
    return Track(
        id_at(identifier, "the track id"),
        title if type(title) is str and title else None,
        audio if type(audio) is str and audio else None,
        stream if type(stream) is str and stream else None,
        image if type(image) is str and image else None,
        parse_duration(duration),
        tags if type(tags) is str and tags else None,
        lyrics if type(lyrics) is str and lyrics else None,
        model if type(model) is str and model else None,
        created if isinstance(created, (str, int)) else None,
        task_id,
    )


class Adapter(abc.ABC):
    """Turns neutral requests into a vendor's wire format and its answers into Tasks."""

    vendor: str
    env_var: ClassVar[str]
    default_model: ClassVar[str]
    modes: ClassVar[frozenset[str]]
    tuning_fields: ClassVar[frozenset[str]] = frozenset()
    package: ModuleType

    @property
    def base_url_env_var(self) -> str:
        """The variable that overrides the spec's server URL when the client gets no base_url."""
        return self.env_var.removesuffix("_API_KEY") + "_BASE_URL"

    @property
    def upload_base_url_env_var(self) -> str:
        """The variable that overrides the spec's file-upload host (operations with a server
        of their own) when the client gets no upload_base_url."""
        return self.env_var.removesuffix("_API_KEY") + "_UPLOAD_BASE_URL"

    @property
    def default_base_url(self) -> str:
        server = _specs.load_spec(self.vendor)["servers"][0]
        url = str(server["url"])
        for name, variable in server.get("variables", {}).items():
            url = url.replace("{" + name + "}", str(variable.get("default", "")))
        return url

    def check_supported(self, request: MusicRequest) -> None:
        if request.mode not in self.modes:
            raise UnsupportedRequestError(
                f"{self.vendor} has no {request.mode} mode; vendors that have it: "
                + ", ".join(vendors_with_mode(request.mode))
            )
        tuning = request.tuning
        used = (
            set()
            if tuning == NO_TUNING
            else {field for field in _TUNING_FIELDS if getattr(tuning, field)}
        )
        unsupported = sorted(used - self.tuning_fields)
        if unsupported:
            raise UnsupportedRequestError(
                f"{self.vendor} does not accept {', '.join(unsupported)}; vendors that do: "
                + ", ".join(vendors_with_tuning(unsupported))
            )
        model = request.model
        if model is not None:
            known = self.known_models()
            if known is not None and model not in known:
                raise UnsupportedRequestError(
                    f"{self.vendor} has no model {model!r} (it has: {', '.join(known)}); "
                    f"vendors that have {model!r}: {', '.join(vendors_with_model(model)) or 'none'}"
                )

    def _model_schema(self) -> Mapping[str, Any]:
        return _model_schema(self.vendor, self.model_field)

    def documented_models(self) -> tuple[str, ...] | None:
        """The model names the spec documents, or None where it lists none."""
        enum = self._model_schema().get("enum")
        return tuple(str(value) for value in enum) if enum else None

    def known_models(self) -> tuple[str, ...] | None:
        """The closed list of model names from the spec, or None where the spec keeps it open
        (no list, or a list whose unknown names are sent with a warning)."""
        if self._model_schema().get("x-sunokit-unknown-values") == "warn":
            return None
        return self.documented_models()

    model_field: ClassVar[str] = "model"

    @abc.abstractmethod
    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        """(operation role, JSON body) for a request."""

    @abc.abstractmethod
    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call: ...

    #: Where a successful submit answer holds the task id.
    submit_id_path: ClassVar[tuple[str, ...]]

    def task_id_from_submit(self, response: RawResponse) -> str:
        """The id of the task a submit answer accepted; only sunokit errors otherwise."""
        self.raise_for_error(response)
        with understood(
            self.vendor, "submit", body=response.json(), status_code=response.status_code
        ):
            return submitted_task_id(
                self.vendor, response.json(), self.submit_id_path, status_code=response.status_code
            )

    def status_call(self, task_id: str) -> Call:
        """The call that fetches `task_id`; ClientValidationError for an id that cannot be sent."""
        return self._status_call(
            check_task_id(self.vendor, task_id, in_path=_status_id_in_path(self.vendor))
        )

    @abc.abstractmethod
    def _status_call(self, task_id: str) -> Call: ...

    def task_from_status(self, task_id: str, response: RawResponse) -> Task:
        """The Task a status answer describes; only sunokit errors for any other answer."""
        self.raise_for_error(response)
        body = response.json()
        with understood(self.vendor, "status", body=body, status_code=response.status_code):
            if not isinstance(body, Mapping):
                raise AnswerShapeError(f"the body is {json_type(body)}; the spec says an object")
            task = self.task_from_dict(body, source="task")
        if not task.task_id:  # the answer does not repeat the id: its tracks get this one
            return attrs.evolve(task, task_id=task_id, raw=response.parsed)
        return with_raw_of_new(task, response.parsed)  # the adapter's new Task

    @abc.abstractmethod
    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        """The error an answer means, or None when it is a success. `code_schema` names the
        code table of the operation that answered (its envelope's `code` schema)."""

    def raise_for_error(self, response: RawResponse, code_schema: str = "ResponseCode") -> None:
        with understood(
            self.vendor, "answer", body=response.json(), status_code=response.status_code
        ):
            error = self.map_error(response, code_schema)
        if error is not None:
            raise error
        if response.parsed is None:
            raise APIResponseError(
                f"{self.vendor} answered HTTP {response.status_code} with a body that does not "
                f"match the spec: {response.content[:200]!r}",
                vendor=self.vendor,
                status_code=response.status_code,
                body=response.json(),
            )

    def parse_success(self, role: str, body: Any) -> Any | None:
        """The generated model of the operation's HTTP 200 answer for a decoded `body`, or None
        where the body does not have that shape: what the generated client's `parsed` is."""
        schema = (
            _specs.operation(self.vendor, role)
            .definition.get("responses", {})
            .get("200", {})
            .get("content", {})
            .get("application/json", {})
            .get("schema", {})
        )
        ref = schema.get("$ref") if isinstance(schema, Mapping) else None
        if not isinstance(ref, str) or not isinstance(body, Mapping):
            return None
        model = getattr(
            importlib.import_module(f"{self.package.__name__}.models"), ref.split("/")[-1]
        )
        try:
            return model.from_dict(dict(body))
        except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError, RecursionError):
            return None

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        """Parse a decoded status (or submit) body, for the CLI's `parse` command."""
        raise UnsupportedRequestError(f"{self.vendor} has no {source} body to parse")


@functools.cache  # read for every submit that names a model; the spec does not change
def _model_schema(vendor: str, model_field: str) -> Mapping[str, Any]:
    role_schema = _specs.resolve(
        vendor, {"$ref": _specs.operation(vendor, "submit").request_schema_pointer or ""}
    )
    field: Mapping[str, Any] = _specs.resolve(
        vendor, role_schema.get("properties", {}).get(model_field, {})
    )
    return field


@functools.cache
def _status_id_in_path(vendor: str) -> bool:
    """Whether the vendor's status poll takes the task id as a path segment."""
    status = _specs.operation(vendor, "status").definition
    return any(
        _specs.resolve(vendor, parameter).get("in") == "path"
        for parameter in status.get("parameters", ())
    )


def neutral_state(vendor: str, schema: str, value: object) -> TaskState:
    if not isinstance(value, str):
        return "unknown"
    mapped = _specs.task_state_of(vendor, schema, value)
    return mapped if mapped in _NEUTRAL else "unknown"  # type: ignore[return-value]


_NEUTRAL = frozenset({"queued", "running", "text_ready", "first_ready", "succeeded", "failed"})


def failure(code: object, message: object, kind: str | None = None) -> TaskError:
    code_value = code if isinstance(code, (str, int)) and not isinstance(code, bool) else None
    if isinstance(message, str):
        text = message
    elif isinstance(message, (int, float)) and not isinstance(message, bool):
        text = str(message)
    else:  # an object or array where the spec has text: shown, shortened, never parsed
        text = json.dumps(message, ensure_ascii=False, default=repr) if message else ""
        text = text if len(text) <= 500 else text[:497] + "..."
    return TaskError(code=code_value, message=text or "no reason given", kind=kind)


def vendors_with_mode(mode: str) -> list[str]:
    from . import get_adapter

    return [v for v in _specs.VENDORS if mode in get_adapter(v).modes]


def vendors_with_tuning(fields: list[str]) -> list[str]:
    from . import get_adapter

    return [v for v in _specs.VENDORS if set(fields) <= get_adapter(v).tuning_fields]


def vendors_with_model(model: str) -> list[str]:
    from . import get_adapter

    found = []
    for vendor in _specs.VENDORS:
        documented = get_adapter(vendor).documented_models()
        if documented is None or model in documented:
            found.append(vendor)
    return found


def submitted_task_id(
    vendor: str, body: object, path: tuple[str, ...], *, status_code: int | None = None
) -> str:
    """The task id at `path` of a successful submit answer; APIResponseError when it has none."""
    value: object = body
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise APIResponseError(
        f"{vendor} answered the submit without a task id in {'.'.join(path)}",
        vendor=vendor,
        status_code=status_code,
        body=body,
    )


def error_kind(
    vendor: str, *, code: object, message: object, status_code: int, code_schema: str
) -> str | None:
    """The error kind an answer means, read from the spec's tables; None for a success.

    `code` is the envelope code (None when the body has none). In order: a message-refined
    kind for the code (x-sunokit-error-message-kinds), else the code's kind
    (x-sunokit-error-kinds), unless the HTTP status is one whose kind overrides the code's
    (x-sunokit-http-status-overrides); for an unknown code or no code, the vendor's HTTP status
    table (x-sunokit-http-status-kinds), then the generic HTTP meaning. A code the spec does not
    list is never read as success.
    """
    statuses = _specs.http_status_kinds(vendor)
    by_status = statuses.kinds.get(status_code) or kind_for_http_status(status_code)
    kind: str | None = None
    if code is not None:
        text = message if isinstance(message, str) else ""
        kind = next(
            (
                entry.kind
                for entry in _specs.error_message_kinds(vendor, code_schema)
                if entry.code == str(code) and entry.pattern.search(text)
            ),
            None,
        ) or _specs.error_kind_of(vendor, code_schema, str(code))
        if status_code in statuses.overrides and status_code in statuses.kinds:
            kind = statuses.kinds[status_code]
        return kind or by_status or "server_error"
    return by_status


def envelope_error(
    vendor: str, response: RawResponse, *, code_schema: str, message_key: str, success: object
) -> APIStatusError | None:
    """Map `{code, <message_key>}` envelopes (and bare HTTP failures) through `error_kind`."""
    body = response.json()
    code = body.get("code") if isinstance(body, dict) else None
    message = body.get(message_key) if isinstance(body, dict) else None
    kind = error_kind(
        vendor,
        code=None if code == success else code,
        message=message,
        status_code=response.status_code,
        code_schema=code_schema,
    )
    if kind is None:
        return None
    if code is None:
        text = str(message or f"HTTP {response.status_code}")
    elif code == success:
        text = f"HTTP {response.status_code}"
    else:
        text = str(message or f"error code {code}")
    return make_error(vendor, kind, message=text, code=code, response=response)
