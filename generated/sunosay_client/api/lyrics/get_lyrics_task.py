from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_task_request import GetTaskRequest
from ...models.lyrics_task_response import LyricsTaskResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: GetTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/suno/lyrics/get-task",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LyricsTaskResponse:
    if response.status_code == 200:
        response_200 = LyricsTaskResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LyricsTaskResponse]:
    parse_error: Exception | None = None
    try:
        parsed = _parse_response(client=client, response=response)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        parsed, parse_error = None, error
    return Response(
        status_code=to_http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        parse_error=parse_error,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetTaskRequest,
) -> Response[ErrorResponse | LyricsTaskResponse]:
    """Get lyrics

     Polls a lyrics task (a POST with the task id in the body). Inferred lifecycle: submitted
    → running → complete, or error (terminal). `lyrics` holds the text and title once
    complete. An unknown task id is answered with a non-200 `code` (404 inferred).

    Args:
        body (GetTaskRequest): Body of POST /suno/music/get-task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LyricsTaskResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: GetTaskRequest,
) -> ErrorResponse | LyricsTaskResponse | None:
    """Get lyrics

     Polls a lyrics task (a POST with the task id in the body). Inferred lifecycle: submitted
    → running → complete, or error (terminal). `lyrics` holds the text and title once
    complete. An unknown task id is answered with a non-200 `code` (404 inferred).

    Args:
        body (GetTaskRequest): Body of POST /suno/music/get-task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LyricsTaskResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetTaskRequest,
) -> Response[ErrorResponse | LyricsTaskResponse]:
    """Get lyrics

     Polls a lyrics task (a POST with the task id in the body). Inferred lifecycle: submitted
    → running → complete, or error (terminal). `lyrics` holds the text and title once
    complete. An unknown task id is answered with a non-200 `code` (404 inferred).

    Args:
        body (GetTaskRequest): Body of POST /suno/music/get-task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LyricsTaskResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetTaskRequest,
) -> ErrorResponse | LyricsTaskResponse | None:
    """Get lyrics

     Polls a lyrics task (a POST with the task id in the body). Inferred lifecycle: submitted
    → running → complete, or error (terminal). `lyrics` holds the text and title once
    complete. An unknown task id is answered with a non-200 `code` (404 inferred).

    Args:
        body (GetTaskRequest): Body of POST /suno/music/get-task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LyricsTaskResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
