from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.boost_style_request import BoostStyleRequest
from ...models.boost_style_response import BoostStyleResponse
from ...models.error_response import ErrorResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: BoostStyleRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/style/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BoostStyleResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = BoostStyleResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BoostStyleResponse | ErrorResponse]:
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
    body: BoostStyleRequest,
) -> Response[BoostStyleResponse | ErrorResponse]:
    """Boost music style

     Answers at once with an expanded style description for `content` (a V4_5 capability).
    It spends credits: the answer reports `creditsConsumed` and `creditsRemaining`; the page
    gives no price. `successFlag` "0" (pending) cannot be followed up: no details endpoint is
    documented.

    Args:
        body (BoostStyleRequest): Body of POST /api/v1/style/generate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BoostStyleResponse | ErrorResponse]
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
    body: BoostStyleRequest,
) -> BoostStyleResponse | ErrorResponse | None:
    """Boost music style

     Answers at once with an expanded style description for `content` (a V4_5 capability).
    It spends credits: the answer reports `creditsConsumed` and `creditsRemaining`; the page
    gives no price. `successFlag` "0" (pending) cannot be followed up: no details endpoint is
    documented.

    Args:
        body (BoostStyleRequest): Body of POST /api/v1/style/generate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BoostStyleResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BoostStyleRequest,
) -> Response[BoostStyleResponse | ErrorResponse]:
    """Boost music style

     Answers at once with an expanded style description for `content` (a V4_5 capability).
    It spends credits: the answer reports `creditsConsumed` and `creditsRemaining`; the page
    gives no price. `successFlag` "0" (pending) cannot be followed up: no details endpoint is
    documented.

    Args:
        body (BoostStyleRequest): Body of POST /api/v1/style/generate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BoostStyleResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BoostStyleRequest,
) -> BoostStyleResponse | ErrorResponse | None:
    """Boost music style

     Answers at once with an expanded style description for `content` (a V4_5 capability).
    It spends credits: the answer reports `creditsConsumed` and `creditsRemaining`; the page
    gives no price. `successFlag` "0" (pending) cannot be followed up: no details endpoint is
    documented.

    Args:
        body (BoostStyleRequest): Body of POST /api/v1/style/generate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BoostStyleResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
