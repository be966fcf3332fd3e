from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.persona_request import PersonaRequest
from ...models.persona_response import PersonaResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: PersonaRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/suno/persona",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PersonaResponse:
    if response.status_code == 200:
        response_200 = PersonaResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | PersonaResponse]:
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
    body: PersonaRequest,
) -> Response[ErrorResponse | PersonaResponse]:
    """Create persona

     A persona (a "virtual singer") from a clip, for persona_music; answered at once with
    its `persona_id`. Page not captured: the path and body come from third-party code
    calling api.sunoapi.com and the error table's rows (see Reading choices).

    Args:
        body (PersonaRequest): Body of create_persona (contract chosen in Reading choices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PersonaResponse]
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
    body: PersonaRequest,
) -> ErrorResponse | PersonaResponse | None:
    """Create persona

     A persona (a "virtual singer") from a clip, for persona_music; answered at once with
    its `persona_id`. Page not captured: the path and body come from third-party code
    calling api.sunoapi.com and the error table's rows (see Reading choices).

    Args:
        body (PersonaRequest): Body of create_persona (contract chosen in Reading choices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PersonaResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PersonaRequest,
) -> Response[ErrorResponse | PersonaResponse]:
    """Create persona

     A persona (a "virtual singer") from a clip, for persona_music; answered at once with
    its `persona_id`. Page not captured: the path and body come from third-party code
    calling api.sunoapi.com and the error table's rows (see Reading choices).

    Args:
        body (PersonaRequest): Body of create_persona (contract chosen in Reading choices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PersonaResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PersonaRequest,
) -> ErrorResponse | PersonaResponse | None:
    """Create persona

     A persona (a "virtual singer") from a clip, for persona_music; answered at once with
    its `persona_id`. Page not captured: the path and body come from third-party code
    calling api.sunoapi.com and the error table's rows (see Reading choices).

    Args:
        body (PersonaRequest): Body of create_persona (contract chosen in Reading choices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PersonaResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
