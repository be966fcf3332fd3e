from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lyrics_v1_response import LyricsV1Response
from ...types import Response, to_http_status


def _get_kwargs(
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/suno/lyrics/{task_id}".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LyricsV1Response:
    if response.status_code == 200:
        response_200 = LyricsV1Response.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LyricsV1Response]:
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
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | LyricsV1Response]:
    """Lyrics task, v1 query (gateway extension)

     Not stock new-api (no such route). Another read of a lyrics task (a `submit_lyrics`
    task id): Suno's own lyrics object, no envelope. Stock gateways read the same task with
    `get_task`, which is what typed clients poll. The page shows only `status: complete`;
    the other values are Suno's lyrics states (inferred). Safe to repeat.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LyricsV1Response]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | LyricsV1Response | None:
    """Lyrics task, v1 query (gateway extension)

     Not stock new-api (no such route). Another read of a lyrics task (a `submit_lyrics`
    task id): Suno's own lyrics object, no envelope. Stock gateways read the same task with
    `get_task`, which is what typed clients poll. The page shows only `status: complete`;
    the other values are Suno's lyrics states (inferred). Safe to repeat.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LyricsV1Response
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | LyricsV1Response]:
    """Lyrics task, v1 query (gateway extension)

     Not stock new-api (no such route). Another read of a lyrics task (a `submit_lyrics`
    task id): Suno's own lyrics object, no envelope. Stock gateways read the same task with
    `get_task`, which is what typed clients poll. The page shows only `status: complete`;
    the other values are Suno's lyrics states (inferred). Safe to repeat.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LyricsV1Response]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | LyricsV1Response | None:
    """Lyrics task, v1 query (gateway extension)

     Not stock new-api (no such route). Another read of a lyrics task (a `submit_lyrics`
    task id): Suno's own lyrics object, no envelope. Stock gateways read the same task with
    `get_task`, which is what typed clients poll. The page shows only `status: complete`;
    the other values are Suno's lyrics states (inferred). Safe to repeat.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LyricsV1Response
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
        )
    ).parsed
