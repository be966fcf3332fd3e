"""Local validation: a wire-format body checked against the vendor's spec, every violation at once.

The rules are the specs: the request schema of the operation (its `allOf` if/then/else blocks
included) and the schema's `x-sunokit-rules` entries marked `enforced_by: client`, which carry
a machine-readable `kind` and its parameters. Nothing here restates a vendor's limit.

Lengths are counted in characters (code points), as JSON Schema's `maxLength` defines them.

Speed: a valid body is recognised by jsonschema_rs (compiled once per operation schema, ~µs)
where it is installed; only a body it does not accept at once goes through the Python
validator, which decides and words every violation (so messages never depend on the fast
path). The fast check is never laxer: it takes only plain JSON values, asserts the same
formats, keeps open enums closed (an undocumented model name goes the slow way, which warns),
and runs the client-side rules itself. jsonschema and its registry load on first use.
"""

from __future__ import annotations

import functools
import json
import math
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import _specs
from ._errors import ClientValidationError, ConfigurationError, UnknownValueWarning
from ._json_types import json_type

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

__all__ = ["CLIENT_RULE_KINDS", "Violation", "validate", "validate_or_raise"]

_URI = _specs.SPEC_URI_PREFIX


@attrs.frozen
class Violation:
    """One broken rule.

    `path` is a JSON pointer to the field ("/prompt"; "" for the body itself), `rule` the
    `x-sunokit-rule` id of the spec block the rule comes from (else the JSON Schema keyword),
    `message` says what is wrong and what the limit is, `keyword` is the JSON Schema keyword
    (or the client rule's `kind`).
    """

    path: str
    rule: str
    message: str
    keyword: str

    def __str__(self) -> str:
        return f"{self.path or '(body)'}: {self.message}"


# --------------------------------------------------------------------------- the compiled spec


@attrs.frozen
class _ClientRule:
    id: str
    kind: str
    parameters: Mapping[str, Any]
    vendor: str
    #: Where the rule's `when` schema sits in the spec (None: the rule always applies).
    when_at: str | None
    #: jsonschema_rs's validator of `when`, or None (no `when`, or it cannot compile it).
    when_fast: Any = None

    @property
    def when(self) -> Draft202012Validator | None:
        return None if self.when_at is None else _python_validator(self.vendor, self.when_at)

    def applies_fast(self, body: Mapping[str, Any]) -> bool:
        """Whether the rule's condition holds, asked of jsonschema_rs where it can judge."""
        if self.when_at is None:
            return True
        if self.when_fast is not None:
            return bool(self.when_fast.is_valid(body))
        when = self.when
        assert when is not None
        return bool(when.is_valid(body))


@attrs.frozen
class _Compiled:
    vendor: str
    pointer: str
    client_rules: tuple[_ClientRule, ...]
    #: jsonschema_rs's validator of the same schema, or None (not installed, or it cannot
    #: compile this schema): only ever asked "certainly valid?".
    fast: Any = None

    @property
    def root(self) -> Mapping[str, Any]:
        return {"$ref": self.pointer}

    @property
    def validator(self) -> Draft202012Validator:
        """The Python validator, which decides and words violations: built (and jsonschema
        imported) the first time a body is not certainly valid."""
        return _python_validator(self.vendor, self.pointer)


def _concrete_pointer(vendor: str, pointer: str) -> str:
    """Follow `$ref`s from `pointer` ("#/...") to the pointer of the schema they end at."""
    document: Any = _specs.load_spec(vendor)
    for _ in range(32):
        node = document
        for part in pointer[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
            return pointer
        pointer = node["$ref"]
        if not pointer.startswith("#/"):
            raise ConfigurationError(f"{vendor}: only local $refs are supported, got {pointer}")
    raise ConfigurationError(f"{vendor}: $ref cycle at {pointer}")


@functools.cache
def _compiled(vendor: str, role: str, operation_id: str | None = None) -> _Compiled:
    if operation_id is None:
        operation = _specs.operation(vendor, role)
    else:
        found = [o for o in _specs.operations(vendor) if o.operation_id == operation_id]
        if not found:
            raise ConfigurationError(f"{vendor} has no operation {operation_id!r}")
        operation = found[0]
    pointer = operation.request_schema_pointer
    if pointer is None:
        raise ConfigurationError(
            f"{vendor}: the {operation.operation_id!r} operation has no JSON request body"
        )
    return _compiled_at(vendor, pointer)


@functools.cache
def _compiled_at(vendor: str, pointer: str) -> _Compiled:
    pointer = _concrete_pointer(vendor, pointer)
    schema = _specs.resolve(vendor, {"$ref": pointer})
    rules: list[_ClientRule] = []
    for index, entry in enumerate(schema.get("x-sunokit-rules", ())):
        if not isinstance(entry, Mapping) or entry.get("enforced_by") != "client":
            continue
        rule_id = str(entry.get("id", f"x-sunokit-rules[{index}]"))
        kind = entry.get("kind")
        if kind not in CLIENT_RULE_KINDS:
            raise ConfigurationError(
                f"{vendor}: client-side rule {rule_id!r} has kind {kind!r}; "
                f"known kinds: {', '.join(sorted(CLIENT_RULE_KINDS))}"
            )
        needed, _check = CLIENT_RULE_KINDS[str(kind)]
        missing = sorted(needed - set(entry))
        if missing:
            raise ConfigurationError(
                f"{vendor}: client-side rule {rule_id!r} ({kind}) lacks {', '.join(missing)}"
            )
        when_at = f"{pointer}/x-sunokit-rules/{index}/when" if "when" in entry else None
        when_fast = None if when_at is None else _fast_validator(vendor, when_at)
        rules.append(_ClientRule(rule_id, str(kind), entry, vendor, when_at, when_fast))
    return _Compiled(vendor, pointer, tuple(rules), _fast_validator(vendor, pointer))


@functools.cache
def _python_validator(vendor: str, pointer: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    from ._formats import format_checker

    return Draft202012Validator(
        {"$ref": f"{_URI}{vendor}{pointer}"},
        registry=_python_registry(vendor),
        format_checker=format_checker(),
    )


@functools.cache
def _python_registry(vendor: str) -> Any:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    registry: Registry[Any] = Registry().with_resource(
        _URI + vendor, DRAFT202012.create_resource(dict(_specs.load_spec(vendor)))
    )
    return registry


def forget_compiled() -> None:
    """Drop every compiled validator (tests that change a spec in place)."""
    for cached in (
        _compiled,
        _compiled_at,
        _python_validator,
        _python_registry,
        _fast_registry,
        _status_validator,
        _answer_validator,
    ):
        cached.cache_clear()


def _fast_validator(vendor: str, pointer: str) -> Any:
    """jsonschema_rs's validator of the schema at `pointer`, or None without it."""
    try:
        import jsonschema_rs
    except ImportError:  # an optional accelerator: the Python validator alone is complete
        return None
    from ._formats import is_uri

    try:
        registry = _fast_registry(vendor)
        return jsonschema_rs.Draft202012Validator(
            {"$ref": f"{_URI}{vendor}{pointer}"},
            registry=registry,
            # The formats the Python validator asserts, by the same function; formats only
            # jsonschema_rs knows make it stricter, which only sends a body the slow way.
            formats={"uri": is_uri},
            validate_formats=True,
        )
    except Exception:  # a spec it cannot take (a YAML date, a construct it lacks): slow path
        return None


@functools.cache
def _fast_registry(vendor: str) -> Any:
    """The vendor's spec as one jsonschema_rs resource, converted once for all its operations."""
    import jsonschema_rs

    return jsonschema_rs.Registry([(_URI + vendor, dict(_specs.load_spec(vendor)))])


#: The largest integer the fast path hands to jsonschema_rs (exact in a double, like every
#: limit in the specs); a larger one is judged by the Python validator.
_FAST_INT = 2**53


def _plain(value: Any, depth: int, seen: set[int]) -> bool:
    """Whether `value` holds only what JSON carries as it is: dict (str keys) / list / str /
    int / finite float / bool / None, exact types, each container once, at most MAX_DEPTH
    deep. Anything else (NaN, a huge int, a tuple, bytes, a lone surrogate, a cycle or a
    shared container, deep nesting, a subclass) is left to the slow path's own rules."""
    kind = type(value)
    if kind is str:
        return value.isascii() or not _has_lone_surrogate(value)
    if kind is bool or value is None:
        return True
    if kind is int:
        return bool(-_FAST_INT <= value <= _FAST_INT)
    if kind is float:
        return math.isfinite(value)
    if (kind is not dict and kind is not list) or depth > MAX_DEPTH or id(value) in seen:
        return False
    seen.add(id(value))
    if kind is dict:
        for key in value:
            if type(key) is not str or not (key.isascii() or not _has_lone_surrogate(key)):
                return False
        items = value.values()
    else:
        items = value
    for item in items:  # strings inline: the common case, without a call per field
        if type(item) is str:
            if not (item.isascii() or not _has_lone_surrogate(item)):
                return False
        elif not _plain(item, depth + 1, seen):
            return False
    return True


def _certainly_valid(compiled: _Compiled, body: Mapping[str, Any]) -> bool:
    """True only for a body the slow path would accept with no violation and no warning."""
    if compiled.fast is None or type(body) is not dict or not _plain(body, 0, set()):
        return False
    try:
        if not compiled.fast.is_valid(body):
            return False
    except Exception:  # a value it cannot convert after all: the slow path decides
        return False
    for rule in compiled.client_rules:
        if rule.applies_fast(body) and CLIENT_RULE_KINDS[rule.kind][1](rule.parameters, body):
            return False
    return True


def answer_has_documented_shape(vendor: str, operation_id: str, status: int, body: Any) -> bool:
    """True only when jsonschema_rs finds `body` valid for the operation's documented JSON
    answer at `status` (so the generated parser builds its model); False when it is not, or
    when nothing here can tell (no such schema, no jsonschema_rs, a value it cannot take)."""
    fast = _status_validator(vendor, operation_id, status)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(body))
    except Exception:  # a value it cannot convert (a lone surrogate, a huge int): can't tell
        return False


@functools.cache
def _responses(vendor: str, operation_id: str) -> tuple[str, Mapping[str, Any]] | None:
    for operation in _specs.operations(vendor):
        if operation.operation_id == operation_id:
            escaped = operation.path.replace("~", "~0").replace("/", "~1")
            return f"#/paths/{escaped}/{operation.method}", operation.definition.get(
                "responses", {}
            )
    return None


@functools.cache  # bounded: the vendors' operations times the HTTP status codes they answer
def _status_validator(vendor: str, operation_id: str, status: int) -> Any:
    return _answer_validator(vendor, operation_id, _status_key(vendor, operation_id, status))


def _status_key(vendor: str, operation_id: str, status: int) -> str | None:
    """The responses entry the generated parser reads for `status`: the exact code, then its
    range (2XX), then default; None when the operation documents none of them."""
    found = _responses(vendor, operation_id)
    if found is None:
        return None
    responses = found[1]
    for key in (str(status), f"{status // 100}XX", "default"):
        if key in responses:
            return key
    return None


@functools.cache
def _answer_validator(vendor: str, operation_id: str, key: str | None) -> Any:
    found = _responses(vendor, operation_id)
    if key is None or found is None:
        return None
    base, responses = found
    entry = responses[key]
    at = f"{base}/responses/{key}"
    if isinstance(entry, Mapping) and isinstance(entry.get("$ref"), str):
        at = _concrete_pointer(vendor, entry["$ref"])  # a shared components/responses entry
    content = _specs.resolve(vendor, entry).get("content", {})
    if "application/json" not in content or "schema" not in content["application/json"]:
        return None
    return _fast_validator(vendor, f"{at}/content/application~1json/schema")


# --------------------------------------------------------------------------- public functions


def validate(
    vendor: str,
    body: object,
    *,
    role: str = "submit",
    operation_id: str | None = None,
    unknown: Literal["warn", "refuse"] = "warn",
) -> list[Violation]:
    """Every way `body` breaks the vendor's documented request rules (empty list: valid).

    `body` is the wire-format JSON body of the operation `operation_id` (an operationId of the
    vendor's spec), or when it is None, of the operation whose `x-sunokit-role` is `role`.
    A name outside an enum the spec marks `x-sunokit-unknown-values: warn` (model names, which
    vendors add monthly) is no violation: it is sent, with an `UnknownValueWarning`
    (`unknown="warn"`, the client's view); `unknown="refuse"` reports it like any enum
    violation (the mock's view: it knows only the documented names). Raises ConfigurationError
    for an unknown vendor, role or operation.
    """
    _specs.check_vendor(vendor)
    if not isinstance(role, str):
        raise ConfigurationError(
            f"role must be a string (e.g. 'submit'), not {type(role).__name__}"
        )
    compiled = _compiled(vendor, role, operation_id)
    if not isinstance(body, Mapping):
        return [
            Violation(
                "",
                "type",
                f"the request body must be a JSON object, not {json_type(body)}",
                "type",
            )
        ]
    if _certainly_valid(compiled, body):
        return []
    return _slow_validate(compiled, vendor, body, unknown)


def _slow_validate(
    compiled: _Compiled, vendor: str, body: Mapping[Any, Any], unknown: Literal["warn", "refuse"]
) -> list[Violation]:
    """Every violation, worded, by the Python validator (and each UnknownValueWarning)."""
    unsendable, instance = _sendable(body)
    found: list[_Found] = []
    for error in _leaves(compiled.validator.iter_errors(instance)):
        if unknown == "warn" and error.validator == "enum" and _unknown_allowed(error.schema):
            documented = error.schema.get("enum") if isinstance(error.schema, Mapping) else None
            if isinstance(error.instance, str):  # anything else breaks the type rule too
                warnings.warn(
                    UnknownValueWarning(
                        f"{vendor}: {_pointer(str(p) for p in error.absolute_path) or 'body'} "
                        f"{_show(error.instance)} is not one of the documented values "
                        f"({_choices(list(documented or ()))}); sent as it is"
                    ),
                    stacklevel=4,
                )
            continue
        found.extend(_from_error(compiled, error))
    for rule in compiled.client_rules:
        when = rule.when
        if when is None or when.is_valid(instance):
            check = CLIENT_RULE_KINDS[rule.kind][1]
            condition = _condition(rule.parameters.get("when"), "then")
            for path, message in check(rule.parameters, instance):
                found.append(
                    _Found(
                        Violation(path, rule.id, _finish(message, condition, rule.id), rule.kind),
                        conditional=when is not None,
                    )
                )
    # What JSON cannot carry is said once, by its own message, not as the schema's type error
    # about the placeholder that stood in for it.
    bad = {violation.path for violation in unsendable}
    violations = [
        v
        for v in _reduce(found)
        if not any(v.path == path or v.path.startswith(path + "/") for path in bad)
    ]
    return sorted([*violations, *unsendable], key=lambda v: (v.path, v.rule, v.keyword, v.message))


def validate_or_raise(
    vendor: str, body: object, *, role: str = "submit", operation_id: str | None = None
) -> None:
    """Raise ClientValidationError listing every violation, if there is any."""
    violations = validate(vendor, body, role=role, operation_id=operation_id)
    if violations:
        raise ClientValidationError(vendor, violations)


#: How deeply a body may nest objects and arrays. No vendor's request goes past three levels;
#: deeper values (or a container holding itself) are refused instead of exhausting the stack.
MAX_DEPTH = 100


class _Unsendable:
    """Stands in, for the schema checks, for a value JSON cannot carry (reported on its own)."""

    def __repr__(self) -> str:
        return "<unsendable>"


def _sendable(body: Mapping[Any, Any]) -> tuple[list[Violation], dict[str, Any]]:
    """Values a JSON body cannot carry, and a copy of the body without them for the schema.

    JSON Schema has no keyword for these: NaN and infinities (no JSON number), integers too long
    to write, strings with a lone surrogate (no UTF-8 text), keys that are not strings, Python
    values with no JSON form (complex numbers, bytes, sets, ...), a container that contains
    itself, and nesting deeper than MAX_DEPTH. The walk is iterative and visits each container
    once, so no value makes it raise RecursionError or take exponential time.
    """
    found: list[Violation] = []
    holder: dict[str, Any] = {}
    copies: dict[int, Any] = {}  # id of a container already walked -> its copy
    # (value, its path, the ids of the containers around it, where its copy goes)
    stack: list[tuple[Any, tuple[str, ...], frozenset[int], Any, Any]] = [
        (body, (), frozenset(), holder, "body")
    ]
    while stack:
        value, parts, around, parent, slot = stack.pop()
        container = isinstance(value, (Mapping, list, tuple))
        problem = _problem(value)
        if container and id(value) in around:
            problem = "contains itself; JSON cannot carry a cycle"
        elif container and len(parts) > MAX_DEPTH:
            # Said of the top-level field: the path down there is a hundred keys long.
            top = parts[:1]
            message = f"{_field(top)} nests objects or arrays more than {MAX_DEPTH} levels deep"
            found.append(Violation(_pointer(top), "json", message, "json"))
            parent[slot] = _Unsendable()
            continue
        copied: Any
        if problem is not None:
            found.append(Violation(_pointer(parts), "json", f"{_field(parts)} {problem}", "json"))
            copied = _Unsendable()
        elif container and id(value) in copies:
            copied = copies[id(value)]  # the same object again, already walked
        elif isinstance(value, Mapping):
            copied = copies[id(value)] = {}
            inner = around | {id(value)}
            for key, item in reversed(list(value.items())):
                if isinstance(key, str) and not _has_lone_surrogate(key):
                    stack.append((item, (*parts, key), inner, copied, key))
                else:
                    found.append(_bad_key(key, parts))
        elif isinstance(value, (list, tuple)):
            copied = copies[id(value)] = [None] * len(value)
            inner = around | {id(value)}
            for index in reversed(range(len(value))):
                stack.append((value[index], (*parts, str(index)), inner, copied, index))
        else:
            copied = value
        parent[slot] = copied
    return list(dict.fromkeys(found)), holder["body"]


def _bad_key(key: object, parts: tuple[str, ...]) -> Violation:
    if isinstance(key, str):
        message = (
            f"{_field(parts)} has a key that contains a lone surrogate, which UTF-8 cannot carry"
        )
        shown = key.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    else:
        message = (
            f"{_field(parts)} has a key of type {type(key).__name__}; JSON object keys are strings"
        )
        shown = _show(key)
    return Violation(_pointer([*parts, shown]), "json", message, "json")


def _problem(value: Any) -> str | None:
    """Why JSON cannot carry this scalar, or None (containers are walked, not judged here)."""
    if value is None or isinstance(value, (bool, str, Mapping, list, tuple)):
        if isinstance(value, str) and _has_lone_surrogate(value):
            return "contains a lone surrogate, which UTF-8 text cannot carry"
        return None
    if isinstance(value, int):
        try:
            str(value)
        except ValueError:  # beyond sys.get_int_max_str_digits()
            return "is an integer too long to write as JSON"
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"is {_show(value)}; a JSON number must be finite"
    return (
        f"is a Python {type(value).__name__}, which JSON cannot carry (only strings, numbers, "
        "booleans, null, arrays and objects)"
    )


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# --------------------------------------------------------------------------- JSON Schema errors


@attrs.frozen
class _Found:
    violation: Violation
    conditional: bool = False
    limit: float | None = None  # numeric limit of a max*/min* keyword
    decimal: bool = False  # the two-decimal value-set rule


def _unknown_allowed(schema: object) -> bool:
    return isinstance(schema, Mapping) and schema.get("x-sunokit-unknown-values") == "warn"


def _leaves(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """Errors as reported, with anyOf/oneOf replaced by the most relevant alternative's errors.

    if/then/else and allOf already report their branches' own errors (required, maxLength...).
    """
    from jsonschema.exceptions import best_match

    for error in errors:
        if error.context and error.validator in ("anyOf", "oneOf"):
            best = best_match(error.context)
            yield from _leaves([best] if best is not None else [])
        else:
            yield error


def _deref(vendor: str, node: Any) -> Any:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str):
        return None
    if ref.startswith(_URI + vendor):
        ref = ref[len(_URI + vendor) :]
    return _specs.resolve(vendor, {"$ref": ref})


def _rule_block(
    compiled: _Compiled, error: ValidationError
) -> tuple[Mapping[str, Any], str] | None:
    """The innermost schema with `x-sunokit-rule` on the error's path, and the branch taken."""
    node: Any = compiled.root
    found: tuple[Mapping[str, Any], str] | None = None
    parts = list(error.relative_schema_path)
    for position, part in enumerate(parts):
        # jsonschema leaves `$ref` out of schema paths: follow references where the path does.
        for _ in range(32):
            if isinstance(node, Mapping) and isinstance(part, str) and part in node:
                node = node[part]
                break
            if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                break
            node = _deref(compiled.vendor, node)
            if node is None:
                return found
        if isinstance(node, Mapping) and "x-sunokit-rule" in node:
            following = parts[position + 1] if position + 1 < len(parts) else ""
            found = (node, str(following))
    return found


def _from_error(compiled: _Compiled, error: ValidationError) -> list[_Found]:
    keyword = str(error.validator)
    limit: Any = error.validator_value
    value: Any = error.instance
    base = [str(part) for part in error.absolute_path]
    path = _pointer(base)
    field = _field(base)
    located = _rule_block(compiled, error)
    block, branch = located if located else (None, "")
    rule = str(block["x-sunokit-rule"]) if block is not None else keyword
    condition_schema = block.get("if") if block is not None else None
    conditional = condition_schema is not None
    condition = _condition(condition_schema, branch)

    def one(message: str, *, at: str = path, number: float | None = None) -> _Found:
        text = _finish(message, condition, rule if rule != keyword else None)
        return _Found(Violation(at, rule, text, keyword), conditional, number)

    if keyword == "required":
        names = [str(name) for name in limit]
        missing = [name for name in names if isinstance(value, Mapping) and name not in value]
        return [
            one(f"{_field([*base, name])} is required", at=_pointer([*base, name]))
            for name in missing
        ]
    if keyword == "not" and isinstance(limit, Mapping) and set(limit) == {"required"}:
        present = [
            name for name in limit["required"] if isinstance(value, Mapping) and name in value
        ]
        return [
            one(f"{_field([*base, name])} is not allowed", at=_pointer([*base, name]))
            for name in present
        ]
    if keyword == "maxLength" and isinstance(value, str):
        return [
            one(
                f"{field} is {len(value)} characters; the limit is {limit} characters",
                number=float(limit),
            )
        ]
    if keyword == "minLength" and isinstance(value, str):
        message = (
            f"{field} must not be empty"
            if limit == 1
            else f"{field} is {len(value)} characters; it needs at least {limit} characters"
        )
        return [one(message, number=float(limit))]
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if keyword == "enum" and "x-sunokit-decimal-places" in schema:
        numbers = [item for item in limit if isinstance(item, (int, float))]
        low, high = (min(numbers), max(numbers)) if numbers else (0, 1)
        places = schema["x-sunokit-decimal-places"]
        message = (
            f"{field} is {_show(value)}; it must be between {low:g} and {high:g} "
            f"with at most {places} decimal places"
        )
        found = one(message)
        return [attrs.evolve(found, decimal=True)]
    if keyword == "enum":
        return [one(f"{field} is {_show(value)}; allowed values: {_choices(limit)}")]
    if keyword == "format":
        return [one(f"{field} is {_show(value)}; it must be a valid {limit} (RFC 3986)")]
    if keyword == "const":
        return [one(f"{field} is {_show(value)}; it must be {_show(limit)}")]
    bounds = {
        "minimum": "at least",
        "maximum": "at most",
        "exclusiveMinimum": "greater than",
        "exclusiveMaximum": "less than",
    }
    if keyword in bounds:
        return [
            one(
                f"{field} is {_show(value)}; it must be {bounds[keyword]} {_show(limit)}",
                number=float(limit),
            )
        ]
    if keyword == "type":
        expected = " or ".join(limit) if isinstance(limit, list) else str(limit)
        return [one(f"{field} must be of type {expected}, not {json_type(value)}")]
    if keyword == "pattern":
        return [one(f"{field} is {_show(value)}; it must match the pattern {limit}")]
    if keyword in ("maxItems", "minItems") and isinstance(value, list):
        relation = "at most" if keyword == "maxItems" else "at least"
        return [
            one(
                f"{field} has {len(value)} items; it must have {relation} {limit}",
                number=float(limit),
            )
        ]
    return [one(f"{field}: {_one_line(error.message)}")]


# --------------------------------------------------------------------------- reduction


_TIGHTEST_SMALLEST = frozenset({"maxLength", "maximum", "exclusiveMaximum", "maxItems"})
_TIGHTEST_LARGEST = frozenset({"minLength", "minimum", "exclusiveMinimum", "minItems"})
_RANGE = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})


def _reduce(found: Sequence[_Found]) -> list[Violation]:
    """Drop what repeats or is implied by another violation of the same field; sort.

    - the same field over two length/range limits (the property's and a model's): the tighter;
    - the same field missing for two rules: reported once (the unconditional rule first);
    - a field of the wrong type: only the type violation;
    - a two-decimal value-set violation already states the range.
    """
    typed = {item.violation.path for item in found if item.violation.keyword == "type"}
    decimal = {item.violation.path for item in found if item.decimal}
    best: dict[tuple[str, str], _Found] = {}
    others: dict[tuple[str, str, str], _Found] = {}
    for item in found:
        violation = item.violation
        if violation.path in typed and violation.keyword != "type":
            continue
        if violation.path in decimal and violation.keyword in _RANGE:
            continue
        keyword = violation.keyword
        if keyword in _TIGHTEST_SMALLEST | _TIGHTEST_LARGEST | {"required", "not", "type"}:
            key = (violation.path, keyword)
            current = best.get(key)
            if current is None or _better(item, current):
                best[key] = item
        else:
            others.setdefault((violation.path, violation.rule, violation.message), item)
    kept = [item.violation for item in [*best.values(), *others.values()]]
    return sorted(kept, key=lambda v: (v.path, v.rule, v.keyword, v.message))


def _better(item: _Found, current: _Found) -> bool:
    if item.limit is not None and current.limit is not None and item.limit != current.limit:
        if item.violation.keyword in _TIGHTEST_SMALLEST:
            return item.limit < current.limit
        return item.limit > current.limit
    return (item.conditional, item.violation.rule) < (current.conditional, current.violation.rule)


# --------------------------------------------------------------------------- messages


def _pointer(parts: Iterable[str]) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _field(parts: Sequence[str]) -> str:
    return ".".join(parts) if parts else "the body"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _show(value: Any, limit: int = 40) -> str:
    """A value as JSON, shortened."""
    if isinstance(value, float) and math.isfinite(value):
        text = repr(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError, RecursionError):
            text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _bare(value: Any) -> str:
    return value if isinstance(value, str) else _show(value)


def _either(values: Sequence[Any]) -> str:
    names = [_bare(value) for value in values]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _choices(values: Sequence[Any], shown: int = 12) -> str:
    names = [_bare(value) for value in values[:shown]]
    return ", ".join(names) + (f", ... ({len(values)} values)" if len(values) > shown else "")


def _describe_property(name: str, schema: Any, required: bool) -> str | None:
    if not isinstance(schema, Mapping):
        return None
    parts: list[str] = []
    for keyword, target in schema.items():
        if keyword == "const":
            parts.append(f"is {_bare(target)}")
        elif keyword == "enum" and isinstance(target, list) and target:
            parts.append(f"is {_either(target)}")
        elif keyword == "minLength" and target == 1:
            parts.append("is non-empty")
        elif keyword == "minLength":
            parts.append(f"has at least {target} characters")
        elif keyword == "type" and "minLength" in schema:
            continue  # "is non-empty" says it
        elif keyword == "type":
            parts.append(f"is a {' or '.join(target) if isinstance(target, list) else target}")
        elif keyword not in ("description", "title"):
            return None
    if not parts:
        return f"{name} is given" if required else None
    text = f"{name} {' and '.join(parts)}"
    return text if required else f"{name} is absent or {' and '.join(parts)}"


def _describe(schema: Any) -> str | None:
    """An `if` schema in words ("customMode is true and model is V3_5 or V4"), if simple enough."""
    if not isinstance(schema, Mapping):
        return None
    required = [str(name) for name in schema.get("required", ())]
    properties = schema.get("properties", {})
    if set(schema) - {"required", "properties", "description"} or not isinstance(
        properties, Mapping
    ):
        return None
    clauses: list[str] = []
    for name, sub in properties.items():
        clause = _describe_property(str(name), sub, str(name) in required)
        if clause is None:
            return None
        clauses.append(clause)
    clauses.extend(f"{name} is given" for name in required if name not in properties)
    return " and ".join(clauses) or None


def _condition(schema: Any, branch: str) -> str:
    if schema is None:
        return ""
    described = _describe(schema)
    if described is None:
        return ""
    if branch == "else":
        return f" unless {described}"
    if isinstance(schema, Mapping) and set(schema) == {"required"}:
        return ""  # "when x is given": the violation is about x, so this says nothing
    return f" when {described}"


def _finish(message: str, condition: str, rule: str | None) -> str:
    suffix = f" (rule {rule})" if rule else ""
    return _one_line(f"{message}{condition}{suffix}")


# --------------------------------------------------------------------------- client-side rules
#
# An `x-sunokit-rules` entry with `enforced_by: client` names one of these kinds and gives its
# parameters; an optional `when` (a JSON Schema, like an `if`) limits it to matching bodies.
# A check returns (path, message) pairs; the rule id and condition are added by `validate`.

_Check = Callable[[Mapping[str, Any], Mapping[str, Any]], list[tuple[str, str]]]


def _text(body: Mapping[str, Any], name: str) -> str | None:
    value = body.get(name)
    return value if isinstance(value, str) else None


def _max_total_length(rule: Mapping[str, Any], body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """`fields` together hold at most `limit` characters."""
    fields = [str(name) for name in rule["fields"]]
    total = sum(len(_text(body, name) or "") for name in fields)
    if total <= int(rule["limit"]):
        return []
    return [
        (
            "",
            f"{' + '.join(fields)} are {total} characters together; "
            f"the limit is {rule['limit']} characters",
        )
    ]


def _max_utf8_bytes(rule: Mapping[str, Any], body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """`field` is at most `limit` bytes in UTF-8."""
    name = str(rule["field"])
    text = _text(body, name)
    if text is None:
        return []
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= int(rule["limit"]):
        return []
    return [
        (_pointer([name]), f"{name} is {size} bytes in UTF-8; the limit is {rule['limit']} bytes")
    ]


def _max_decimal_places(rule: Mapping[str, Any], body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The number `field` has at most `places` decimal places (as written in JSON)."""
    name = str(rule["field"])
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    try:
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    except InvalidOperation:
        return []
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places <= int(rule["places"]):
        return []
    return [
        (
            _pointer([name]),
            f"{name} is {_show(value)}; it may have at most {rule['places']} decimal places",
        )
    ]


def _max_separated_items(rule: Mapping[str, Any], body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The text `field`, split at `separator`, has at most `limit` non-blank items."""
    name = str(rule["field"])
    text = _text(body, name)
    if text is None:
        return []
    items = [item for item in text.split(str(rule["separator"])) if item.strip()]
    if len(items) <= int(rule["limit"]):
        return []
    return [
        (
            _pointer([name]),
            f"{name} has {len(items)} items separated by {rule['separator']!r}; "
            f"the limit is {rule['limit']}",
        )
    ]


def _not_blank(rule: Mapping[str, Any], body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The text `field`, when given, is not only whitespace."""
    name = str(rule["field"])
    text = _text(body, name)
    if text is None or text.strip():
        return []
    return [(_pointer([name]), f"{name} must not be blank")]


#: kind -> (required parameters, check). The spec entry names the kind; see the module docs.
CLIENT_RULE_KINDS: Mapping[str, tuple[frozenset[str], _Check]] = {
    "max-total-length": (frozenset({"fields", "limit"}), _max_total_length),
    "max-utf8-bytes": (frozenset({"field", "limit"}), _max_utf8_bytes),
    "max-decimal-places": (frozenset({"field", "places"}), _max_decimal_places),
    "max-separated-items": (frozenset({"field", "separator", "limit"}), _max_separated_items),
    "not-blank": (frozenset({"field"}), _not_blank),
}
