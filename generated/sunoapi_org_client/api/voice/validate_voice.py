from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.submit_music_response import SubmitMusicResponse
from ...models.validate_voice_request import ValidateVoiceRequest
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: ValidateVoiceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/voice/validate",
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
    body: ValidateVoiceRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Suno Voice: generate a verification phrase

     Step 1 of a custom voice: from a public recording (`voiceUrl`, the vocal part between
    `vocalStartS` and `vocalEndS` seconds) the service prepares a verification phrase the
    user must record. The callback (or Get Verification Phrase) reports `wait_validating`
    with `validateInfo` once the phrase is ready.

    Args:
        body (ValidateVoiceRequest): Body of POST /api/v1/voice/validate (Suno Voice - generate
            verification phrase).

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
    body: ValidateVoiceRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Suno Voice: generate a verification phrase

     Step 1 of a custom voice: from a public recording (`voiceUrl`, the vocal part between
    `vocalStartS` and `vocalEndS` seconds) the service prepares a verification phrase the
    user must record. The callback (or Get Verification Phrase) reports `wait_validating`
    with `validateInfo` once the phrase is ready.

    Args:
        body (ValidateVoiceRequest): Body of POST /api/v1/voice/validate (Suno Voice - generate
            verification phrase).

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
    body: ValidateVoiceRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Suno Voice: generate a verification phrase

     Step 1 of a custom voice: from a public recording (`voiceUrl`, the vocal part between
    `vocalStartS` and `vocalEndS` seconds) the service prepares a verification phrase the
    user must record. The callback (or Get Verification Phrase) reports `wait_validating`
    with `validateInfo` once the phrase is ready.

    Args:
        body (ValidateVoiceRequest): Body of POST /api/v1/voice/validate (Suno Voice - generate
            verification phrase).

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
    body: ValidateVoiceRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Suno Voice: generate a verification phrase

     Step 1 of a custom voice: from a public recording (`voiceUrl`, the vocal part between
    `vocalStartS` and `vocalEndS` seconds) the service prepares a verification phrase the
    user must record. The callback (or Get Verification Phrase) reports `wait_validating`
    with `validateInfo` once the phrase is ready.

    Args:
        body (ValidateVoiceRequest): Body of POST /api/v1/voice/validate (Suno Voice - generate
            verification phrase).

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
