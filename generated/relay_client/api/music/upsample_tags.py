from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.submit_music_response import SubmitMusicResponse
from ...models.upsample_tags_request import UpsampleTagsRequest
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: UpsampleTagsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/suno/submit/UPSAMPLE_TAGS",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SubmitMusicResponse:
    if response.status_code == 200:
        response_200 = SubmitMusicResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SubmitMusicResponse]:
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
    body: UpsampleTagsRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Upsample style tags (gateway extension)

     Not stock new-api (its channel selection answers 503 for suno_upsample_tags). Asks Suno
    to enrich a short list of style tags; the answer's `data` is a task id polled with
    `get_task` (ccapi: "the result is read via /suno/fetch"). The finished task's `data`
    is not documented: it is accepted as any object (the lyrics-object slot of TaskDto).

    Args:
        body (UpsampleTagsRequest): Body of POST /suno/submit/UPSAMPLE_TAGS (gateway extension).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
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
    body: UpsampleTagsRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Upsample style tags (gateway extension)

     Not stock new-api (its channel selection answers 503 for suno_upsample_tags). Asks Suno
    to enrich a short list of style tags; the answer's `data` is a task id polled with
    `get_task` (ccapi: "the result is read via /suno/fetch"). The finished task's `data`
    is not documented: it is accepted as any object (the lyrics-object slot of TaskDto).

    Args:
        body (UpsampleTagsRequest): Body of POST /suno/submit/UPSAMPLE_TAGS (gateway extension).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UpsampleTagsRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Upsample style tags (gateway extension)

     Not stock new-api (its channel selection answers 503 for suno_upsample_tags). Asks Suno
    to enrich a short list of style tags; the answer's `data` is a task id polled with
    `get_task` (ccapi: "the result is read via /suno/fetch"). The finished task's `data`
    is not documented: it is accepted as any object (the lyrics-object slot of TaskDto).

    Args:
        body (UpsampleTagsRequest): Body of POST /suno/submit/UPSAMPLE_TAGS (gateway extension).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UpsampleTagsRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Upsample style tags (gateway extension)

     Not stock new-api (its channel selection answers 503 for suno_upsample_tags). Asks Suno
    to enrich a short list of style tags; the answer's `data` is a task id polled with
    `get_task` (ccapi: "the result is read via /suno/fetch"). The finished task's `data`
    is not documented: it is accepted as any object (the lyrics-object slot of TaskDto).

    Args:
        body (UpsampleTagsRequest): Body of POST /suno/submit/UPSAMPLE_TAGS (gateway extension).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
