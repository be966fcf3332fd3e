"""The one exception hierarchy of sunokit.

    SunokitError
    ├── ConfigurationError (also ValueError)  - unknown vendor, missing API key, bad option
    ├── ClientValidationError (also ValueError) - the request breaks the vendor's spec; never sent
    ├── UnsupportedRequestError (also ValueError) - the vendor lacks this mode or model
    ├── CallbackError (also ValueError)       - a callback body that cannot be understood
    ├── APIError                              - anything that went wrong talking to the vendor
    │   ├── APIConnectionError                - no usable answer (refused, reset, DNS, ...)
    │   │   └── APITimeoutError
    │   ├── APIResponseError                  - an answer that cannot be understood
    │   └── APIStatusError                    - the vendor said no (HTTP status or envelope code)
    │       ├── AuthenticationError           - fix the API key
    │       ├── InsufficientCreditsError      - top up
    │       ├── NotFoundError                 - wrong task id or path
    │       ├── ConflictError                 - the thing already exists
    │       ├── InvalidRequestError           - the vendor rejected the parameters
    │       ├── ContentRejectedError          - sensitive or copyrighted content
    │       ├── RateLimitError                - slow down; retryable
    │       ├── MaintenanceError              - try later; retryable
    │       └── ServerError                   - the vendor failed
    ├── TaskFailedError                       - the task reached a failure state
    └── WaitTimeoutError                      - wait() hit its deadline first

    UnknownValueWarning (a UserWarning)       - a value the spec does not list (a model newer
                                                than the spec) was sent as it is

Every API error carries `vendor`, `code`, `message`, `status_code` and the raw `body`.
API keys never appear in any message, argument, repr or body.

An error raised after the vendor accepted a create (while waiting for it, for instance) carries
that task as `error.task` and names its id in its message: the task is paid for and may still
finish, so it can be resumed with `client.wait(error.task.task_id)`. `TaskFailedError` and
`WaitTimeoutError` always carry it; `APIError.task` is None when nothing was accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._models import Task
    from ._validation import Violation

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "CallbackError",
    "ClientValidationError",
    "ConfigurationError",
    "ConflictError",
    "ContentRejectedError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "MaintenanceError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "SunokitError",
    "TaskFailedError",
    "UnknownValueWarning",
    "UnsupportedRequestError",
    "WaitTimeoutError",
]


class SunokitError(Exception):
    """Root of every error sunokit raises."""


class ConfigurationError(SunokitError, ValueError):
    """The client was configured wrongly (unknown vendor, missing API key, bad option)."""


class ClientValidationError(SunokitError, ValueError):
    """The request breaks the vendor's documented rules; it was not sent."""

    def __init__(self, vendor: str, violations: Sequence[Violation]) -> None:
        self.vendor = vendor
        self.violations = tuple(violations)
        lines = "\n".join(f"  {v}" for v in self.violations)
        super().__init__(
            f"{len(self.violations)} problem(s) in the {vendor} request, nothing was sent:\n{lines}"
        )


class UnsupportedRequestError(SunokitError, ValueError):
    """The vendor does not offer the requested mode or model."""


class CallbackError(SunokitError, ValueError):
    """A callback body that cannot be understood."""


class APIError(SunokitError):
    """Something went wrong while talking to the vendor."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        code: str | int | None = None,
        status_code: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.code = code
        self.status_code = status_code
        self.body = body
        #: The task the vendor had accepted before this error, or None (see the module docstring).
        self.task: Task | None = None

    def attach_task(self, task: Task) -> None:
        """Record that `task` was accepted before this error, and say so in the message."""
        if self.task is not None:
            return
        self.task = task
        self.message = (
            f"{self.message} [{task.vendor} task {task.task_id} was accepted before this error and "
            f"may still finish: resume with wait({task.task_id!r})]"
        )
        self.args = (self.message, *self.args[1:])


class APIConnectionError(APIError):
    """No usable answer arrived (connection refused, reset, protocol error)."""

    def __init__(self, message: str, *, vendor: str, request_sent: bool = True) -> None:
        super().__init__(message, vendor=vendor)
        #: False only when the failure proves the request never left this machine.
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """The vendor did not answer in time; the request may or may not have been processed."""


class APIResponseError(APIError):
    """The vendor answered with something that is not the documented shape."""


class APIStatusError(APIError):
    """The vendor refused the request (by HTTP status or by the envelope's code)."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        code: str | int | None,
        status_code: int | None,
        body: Any,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, vendor=vendor, code=code, status_code=status_code, body=body)
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.vendor}: {self.message} (code {self.code}, HTTP {self.status_code})"


class AuthenticationError(APIStatusError):
    """The API key is missing, wrong or not allowed."""


class InsufficientCreditsError(APIStatusError):
    """The account has no credits left for this request."""


class NotFoundError(APIStatusError):
    """The task or path does not exist."""


class ConflictError(APIStatusError):
    """The resource already exists."""


class InvalidRequestError(APIStatusError):
    """The vendor rejected the request's parameters."""


class ContentRejectedError(APIStatusError):
    """The content was rejected (sensitive words, copyrighted lyrics, moderation)."""


class RateLimitError(APIStatusError):
    """Too many requests; retry later (honouring `retry_after`)."""


class MaintenanceError(APIStatusError):
    """The vendor is under maintenance; retry later."""


class ServerError(APIStatusError):
    """The vendor failed while handling the request."""


class TaskFailedError(SunokitError):
    """The task reached a failure state; `task.error` holds the vendor's reason."""

    def __init__(self, task: Task) -> None:
        self.task = task
        #: What the failure means (`content_rejected`, ...), or None for a generic failure.
        self.kind = task.error.kind if task.error else None
        reason = task.error.message if task.error else "no reason given"
        code = f" (code {task.error.code})" if task.error and task.error.code is not None else ""
        super().__init__(
            f"{task.vendor} task {task.task_id} failed in state {task.vendor_state}{code}: {reason}"
        )


class WaitTimeoutError(SunokitError):
    """wait() reached its deadline before the task reached the requested stage."""

    def __init__(self, task: Task | None, task_id: str, timeout: float) -> None:
        self.task = task
        self.task_id = task_id
        self.timeout = timeout
        state = task.state if task else "never fetched"
        super().__init__(f"task {task_id} not done after {timeout:g} s (last state: {state})")


class UnknownValueWarning(UserWarning):
    """A request carries a value its spec does not list where the vendor's list is open in
    practice (model names appear in the vendors' APIs before their docs list them): it was sent
    as it is. Silence it with `warnings.filterwarnings("ignore", category=UnknownValueWarning)`,
    or turn it into an error with "error"."""
