"""Masking the API key wherever a vendor might echo it back: messages, args, bodies, tasks.

A key is masked as a whole token: an occurrence counts when it is not glued to a letter or digit
on either side, so "Invalid key: sk-live-4f9a." and "Bearer sk-live-4f9a/…" are masked while a
very short key ("k") leaves ordinary words ("apikley") alone. Punctuation around the key (".",
"-", "/", quotes) is not part of it.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ._errors import APIError, SunokitError, TaskFailedError, WaitTimeoutError
from ._models import Task

__all__ = ["REDACTED", "Redactor"]

#: What an API key that a vendor echoed back is replaced with.
REDACTED = "[redacted]"


class Redactor:
    """Masks one secret in text, in decoded JSON values and in sunokit errors."""

    def __init__(self, secret: str) -> None:
        self._pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])")
        self._secret = secret

    def __repr__(self) -> str:
        return "Redactor(<secret>)"

    def text(self, value: str) -> str:
        if self._secret not in value:  # the common case, without running the pattern
            return value
        return self._pattern.sub(REDACTED, value)

    def value(self, node: Any) -> Any:
        """`node` (decoded JSON: dicts, lists, strings, numbers) with the secret masked in every
        string, keys included. Iterative, so a deeply nested body cannot exhaust the stack."""
        if isinstance(node, str):
            return self.text(node)
        if not isinstance(node, (dict, list, tuple)):
            return node
        root: list[Any] = [None]
        # (container of the input, its copy being filled)
        stack: list[tuple[Any, list[Any] | dict[Any, Any]]] = []

        def copy_of(item: Any) -> Any:
            if isinstance(item, str):
                return self.text(item)
            if isinstance(item, dict):
                target: dict[Any, Any] = {}
                stack.append((item, target))
                return target
            if isinstance(item, (list, tuple)):
                items: list[Any] = []
                stack.append((item, items))
                return items
            return item

        root[0] = copy_of(node)
        while stack:
            source, target = stack.pop()
            if isinstance(source, dict):
                assert isinstance(target, dict)
                for key, item in source.items():
                    target[self.text(key) if isinstance(key, str) else key] = copy_of(item)
            else:
                assert isinstance(target, list)
                target.extend(copy_of(item) for item in source)
        return root[0]

    def task(self, task: Task) -> Task:
        if task.error is None:
            return task
        return attrs.evolve(
            task, error=attrs.evolve(task.error, message=self.text(task.error.message))
        )

    def error(self, error: SunokitError) -> SunokitError:
        """`error` itself, with the secret masked in its message, args, body and task."""
        error.args = tuple(self.text(arg) if isinstance(arg, str) else arg for arg in error.args)
        if isinstance(error, APIError):
            error.message = self.text(error.message)
            error.body = self.value(error.body)
            if error.task is not None:
                error.task = self.task(error.task)
        elif isinstance(error, (TaskFailedError, WaitTimeoutError)) and error.task is not None:
            error.task = self.task(error.task)
        return error
