from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.submit_music_response import SubmitMusicResponse
from ...models.upload_cover_request import UploadCoverRequest
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: UploadCoverRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generate/upload-cover",
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
    body: UploadCoverRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Upload and cover audio

     Covers an uploaded audio (at most 8 minutes; 1 minute with V4_5ALL) in a new style while
    keeping its melody. Custom mode works as in Generate Music (style and title, plus prompt as
    the lyrics unless instrumental); non-custom mode needs only the prompt. Two tracks; poll with
    Get Music Generation Details (`operationType: upload_cover`). Files are kept 15 days.

    Args:
        body (UploadCoverRequest): Body of POST /api/v1/generate/upload-cover.

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
    body: UploadCoverRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Upload and cover audio

     Covers an uploaded audio (at most 8 minutes; 1 minute with V4_5ALL) in a new style while
    keeping its melody. Custom mode works as in Generate Music (style and title, plus prompt as
    the lyrics unless instrumental); non-custom mode needs only the prompt. Two tracks; poll with
    Get Music Generation Details (`operationType: upload_cover`). Files are kept 15 days.

    Args:
        body (UploadCoverRequest): Body of POST /api/v1/generate/upload-cover.

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
    body: UploadCoverRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Upload and cover audio

     Covers an uploaded audio (at most 8 minutes; 1 minute with V4_5ALL) in a new style while
    keeping its melody. Custom mode works as in Generate Music (style and title, plus prompt as
    the lyrics unless instrumental); non-custom mode needs only the prompt. Two tracks; poll with
    Get Music Generation Details (`operationType: upload_cover`). Files are kept 15 days.

    Args:
        body (UploadCoverRequest): Body of POST /api/v1/generate/upload-cover.

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
    body: UploadCoverRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Upload and cover audio

     Covers an uploaded audio (at most 8 minutes; 1 minute with V4_5ALL) in a new style while
    keeping its melody. Custom mode works as in Generate Music (style and title, plus prompt as
    the lyrics unless instrumental); non-custom mode needs only the prompt. Two tracks; poll with
    Get Music Generation Details (`operationType: upload_cover`). Files are kept 15 days.

    Args:
        body (UploadCoverRequest): Body of POST /api/v1/generate/upload-cover.

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
