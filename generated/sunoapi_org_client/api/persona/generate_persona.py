from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.generate_persona_request import GeneratePersonaRequest
from ...models.kie_error_response import KieErrorResponse
from ...models.persona_response import PersonaResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: GeneratePersonaRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generate/generate-persona",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KieErrorResponse | PersonaResponse:
    if response.status_code == 200:
        response_200 = PersonaResponse.from_dict(response.json())

        return response_200

    response_default = KieErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KieErrorResponse | PersonaResponse]:
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
    body: GeneratePersonaRequest,
) -> Response[KieErrorResponse | PersonaResponse]:
    """Generate a persona

     Answers at once with a persona (`personaId`) made from a completed track (`taskId` from
    Generate, Extend, Upload and Cover or Upload and Extend, model above V3_5, + `audioId`);
    use it as `personaId` when generating. Each audioId makes one persona (409 "Persona
    already exists for this music"). The page states no cost; it creates a resource and is
    never re-sent after an ambiguous failure. This page documents the kie.ai code table
    (`KieResponseCode`: 402 insufficient credits, 429 rate limited).

    Args:
        body (GeneratePersonaRequest): Body of POST /api/v1/generate/generate-persona.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KieErrorResponse | PersonaResponse]
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
    body: GeneratePersonaRequest,
) -> KieErrorResponse | PersonaResponse | None:
    """Generate a persona

     Answers at once with a persona (`personaId`) made from a completed track (`taskId` from
    Generate, Extend, Upload and Cover or Upload and Extend, model above V3_5, + `audioId`);
    use it as `personaId` when generating. Each audioId makes one persona (409 "Persona
    already exists for this music"). The page states no cost; it creates a resource and is
    never re-sent after an ambiguous failure. This page documents the kie.ai code table
    (`KieResponseCode`: 402 insufficient credits, 429 rate limited).

    Args:
        body (GeneratePersonaRequest): Body of POST /api/v1/generate/generate-persona.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KieErrorResponse | PersonaResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GeneratePersonaRequest,
) -> Response[KieErrorResponse | PersonaResponse]:
    """Generate a persona

     Answers at once with a persona (`personaId`) made from a completed track (`taskId` from
    Generate, Extend, Upload and Cover or Upload and Extend, model above V3_5, + `audioId`);
    use it as `personaId` when generating. Each audioId makes one persona (409 "Persona
    already exists for this music"). The page states no cost; it creates a resource and is
    never re-sent after an ambiguous failure. This page documents the kie.ai code table
    (`KieResponseCode`: 402 insufficient credits, 429 rate limited).

    Args:
        body (GeneratePersonaRequest): Body of POST /api/v1/generate/generate-persona.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KieErrorResponse | PersonaResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GeneratePersonaRequest,
) -> KieErrorResponse | PersonaResponse | None:
    """Generate a persona

     Answers at once with a persona (`personaId`) made from a completed track (`taskId` from
    Generate, Extend, Upload and Cover or Upload and Extend, model above V3_5, + `audioId`);
    use it as `personaId` when generating. Each audioId makes one persona (409 "Persona
    already exists for this music"). The page states no cost; it creates a resource and is
    never re-sent after an ambiguous failure. This page documents the kie.ai code table
    (`KieResponseCode`: 402 insufficient credits, 429 rate limited).

    Args:
        body (GeneratePersonaRequest): Body of POST /api/v1/generate/generate-persona.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KieErrorResponse | PersonaResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
