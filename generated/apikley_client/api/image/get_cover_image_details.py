from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cover_image_details_response import CoverImageDetailsResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, to_http_status


def _get_kwargs(
    *,
    task_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["taskId"] = task_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/suno/cover/record-info",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverImageDetailsResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = CoverImageDetailsResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CoverImageDetailsResponse | ErrorResponse]:
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
    task_id: str,
) -> Response[CoverImageDetailsResponse | ErrorResponse]:
    """Get cover image details

     Reads a cover task; poll about every 30 s. The state is one of the names PENDING,
    SUCCESS, CREATE_TASK_FAILED, GENERATE_COVER_FAILED (this page; SunoAPI.org and kie.ai
    document integers 0-3). Image URLs are kept 14 days.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverImageDetailsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> CoverImageDetailsResponse | ErrorResponse | None:
    """Get cover image details

     Reads a cover task; poll about every 30 s. The state is one of the names PENDING,
    SUCCESS, CREATE_TASK_FAILED, GENERATE_COVER_FAILED (this page; SunoAPI.org and kie.ai
    document integers 0-3). Image URLs are kept 14 days.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverImageDetailsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        task_id=task_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> Response[CoverImageDetailsResponse | ErrorResponse]:
    """Get cover image details

     Reads a cover task; poll about every 30 s. The state is one of the names PENDING,
    SUCCESS, CREATE_TASK_FAILED, GENERATE_COVER_FAILED (this page; SunoAPI.org and kie.ai
    document integers 0-3). Image URLs are kept 14 days.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverImageDetailsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> CoverImageDetailsResponse | ErrorResponse | None:
    """Get cover image details

     Reads a cover task; poll about every 30 s. The state is one of the names PENDING,
    SUCCESS, CREATE_TASK_FAILED, GENERATE_COVER_FAILED (this page; SunoAPI.org and kie.ai
    document integers 0-3). Image URLs are kept 14 days.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverImageDetailsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            task_id=task_id,
        )
    ).parsed
