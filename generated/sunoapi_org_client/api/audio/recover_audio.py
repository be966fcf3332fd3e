from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.recover_audio_request import RecoverAudioRequest
from ...models.recovery_task_created_response import RecoveryTaskCreatedResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: RecoverAudioRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/suno/recovery",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RecoveryTaskCreatedResponse:
    if response.status_code == 200:
        response_200 = RecoveryTaskCreatedResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RecoveryTaskCreatedResponse]:
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
    body: RecoverAudioRequest,
) -> Response[ErrorResponse | RecoveryTaskCreatedResponse]:
    """Recover expired audio links

     Regenerates playable URLs for every track of a music generation task (`sunoTaskId`) whose
    original Suno links (`source_audio_url`, deprecated) expired. A created task does not
    guarantee that every track recovers. The answer's `data.task_id` (snake_case) is the
    recovery task id, usable only with Get Recovery Audio Details. Sent to
    `https://api.sunoapi.org` like every other operation (see Reading choices).

    Args:
        body (RecoverAudioRequest): Body of POST /api/v1/suno/recovery (Recovery Audio).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecoveryTaskCreatedResponse]
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
    body: RecoverAudioRequest,
) -> ErrorResponse | RecoveryTaskCreatedResponse | None:
    """Recover expired audio links

     Regenerates playable URLs for every track of a music generation task (`sunoTaskId`) whose
    original Suno links (`source_audio_url`, deprecated) expired. A created task does not
    guarantee that every track recovers. The answer's `data.task_id` (snake_case) is the
    recovery task id, usable only with Get Recovery Audio Details. Sent to
    `https://api.sunoapi.org` like every other operation (see Reading choices).

    Args:
        body (RecoverAudioRequest): Body of POST /api/v1/suno/recovery (Recovery Audio).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecoveryTaskCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecoverAudioRequest,
) -> Response[ErrorResponse | RecoveryTaskCreatedResponse]:
    """Recover expired audio links

     Regenerates playable URLs for every track of a music generation task (`sunoTaskId`) whose
    original Suno links (`source_audio_url`, deprecated) expired. A created task does not
    guarantee that every track recovers. The answer's `data.task_id` (snake_case) is the
    recovery task id, usable only with Get Recovery Audio Details. Sent to
    `https://api.sunoapi.org` like every other operation (see Reading choices).

    Args:
        body (RecoverAudioRequest): Body of POST /api/v1/suno/recovery (Recovery Audio).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecoveryTaskCreatedResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RecoverAudioRequest,
) -> ErrorResponse | RecoveryTaskCreatedResponse | None:
    """Recover expired audio links

     Regenerates playable URLs for every track of a music generation task (`sunoTaskId`) whose
    original Suno links (`source_audio_url`, deprecated) expired. A created task does not
    guarantee that every track recovers. The answer's `data.task_id` (snake_case) is the
    recovery task id, usable only with Get Recovery Audio Details. Sent to
    `https://api.sunoapi.org` like every other operation (see Reading choices).

    Args:
        body (RecoverAudioRequest): Body of POST /api/v1/suno/recovery (Recovery Audio).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecoveryTaskCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
