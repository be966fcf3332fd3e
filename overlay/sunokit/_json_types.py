"""The JSON Schema type name of a decoded value, as every error message words it."""

from __future__ import annotations

from collections.abc import Mapping


def json_type(value: object) -> str:
    """One of null, boolean, integer, number, string, array, object; for a value no JSON
    decoder makes, its Python type name. A bool is a boolean, not an integer (JSON keeps them
    apart), and a tuple is an array (a caller's body may hold one)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__
