from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_persona_request import CreatePersonaRequest
from ...models.error_response import ErrorResponse
from ...models.persona_response import PersonaResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: CreatePersonaRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/suno/persona/create",
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
    body: CreatePersonaRequest,
) -> Response[ErrorResponse | PersonaResponse]:
    """Create a persona from a clip (gateway extension)

     Not stock new-api (no such route). Answers at once with the persona object (Suno's own
    shape, no `{code, data}` envelope); its `id` is the `persona_id` that gateways forwarding
    `task: artist_consistency` take. Creates a resource: never re-sent after an ambiguous
    failure.

    Args:
        body (CreatePersonaRequest): Body of POST /suno/persona/create (gateway extension).

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
    body: CreatePersonaRequest,
) -> ErrorResponse | PersonaResponse | None:
    """Create a persona from a clip (gateway extension)

     Not stock new-api (no such route). Answers at once with the persona object (Suno's own
    shape, no `{code, data}` envelope); its `id` is the `persona_id` that gateways forwarding
    `task: artist_consistency` take. Creates a resource: never re-sent after an ambiguous
    failure.

    Args:
        body (CreatePersonaRequest): Body of POST /suno/persona/create (gateway extension).

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
    body: CreatePersonaRequest,
) -> Response[ErrorResponse | PersonaResponse]:
    """Create a persona from a clip (gateway extension)

     Not stock new-api (no such route). Answers at once with the persona object (Suno's own
    shape, no `{code, data}` envelope); its `id` is the `persona_id` that gateways forwarding
    `task: artist_consistency` take. Creates a resource: never re-sent after an ambiguous
    failure.

    Args:
        body (CreatePersonaRequest): Body of POST /suno/persona/create (gateway extension).

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
    body: CreatePersonaRequest,
) -> ErrorResponse | PersonaResponse | None:
    """Create a persona from a clip (gateway extension)

     Not stock new-api (no such route). Answers at once with the persona object (Suno's own
    shape, no `{code, data}` envelope); its `id` is the `persona_id` that gateways forwarding
    `task: artist_consistency` take. Creates a resource: never re-sent after an ambiguous
    failure.

    Args:
        body (CreatePersonaRequest): Body of POST /suno/persona/create (gateway extension).

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
