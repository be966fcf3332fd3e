from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.convert_to_wav_request import ConvertToWavRequest
from ...models.error_response import ErrorResponse
from ...models.wav_task_created_response import WavTaskCreatedResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: ConvertToWavRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/wav/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WavTaskCreatedResponse:
    if response.status_code == 200:
        response_200 = WavTaskCreatedResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WavTaskCreatedResponse]:
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
    body: ConvertToWavRequest,
) -> Response[ErrorResponse | WavTaskCreatedResponse]:
    """Convert a generated track to WAV

     Starts a WAV conversion of one track (`taskId` + `audioId`). WAV files are 5-10 times
    larger than the MP3. The result arrives by callback (`audioWavUrl`) or through Get WAV
    Conversion Details; files are kept 15 days. Converting the same track again answers
    409 "WAV record already exists".

    Args:
        body (ConvertToWavRequest): Body of POST /api/v1/wav/generate (Convert to WAV Format).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WavTaskCreatedResponse]
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
    body: ConvertToWavRequest,
) -> ErrorResponse | WavTaskCreatedResponse | None:
    """Convert a generated track to WAV

     Starts a WAV conversion of one track (`taskId` + `audioId`). WAV files are 5-10 times
    larger than the MP3. The result arrives by callback (`audioWavUrl`) or through Get WAV
    Conversion Details; files are kept 15 days. Converting the same track again answers
    409 "WAV record already exists".

    Args:
        body (ConvertToWavRequest): Body of POST /api/v1/wav/generate (Convert to WAV Format).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WavTaskCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConvertToWavRequest,
) -> Response[ErrorResponse | WavTaskCreatedResponse]:
    """Convert a generated track to WAV

     Starts a WAV conversion of one track (`taskId` + `audioId`). WAV files are 5-10 times
    larger than the MP3. The result arrives by callback (`audioWavUrl`) or through Get WAV
    Conversion Details; files are kept 15 days. Converting the same track again answers
    409 "WAV record already exists".

    Args:
        body (ConvertToWavRequest): Body of POST /api/v1/wav/generate (Convert to WAV Format).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WavTaskCreatedResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConvertToWavRequest,
) -> ErrorResponse | WavTaskCreatedResponse | None:
    """Convert a generated track to WAV

     Starts a WAV conversion of one track (`taskId` + `audioId`). WAV files are 5-10 times
    larger than the MP3. The result arrives by callback (`audioWavUrl`) or through Get WAV
    Conversion Details; files are kept 15 days. Converting the same track again answers
    409 "WAV record already exists".

    Args:
        body (ConvertToWavRequest): Body of POST /api/v1/wav/generate (Convert to WAV Format).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WavTaskCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
