from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cover_image_task_created_response import CoverImageTaskCreatedResponse
from ...models.error_response import ErrorResponse
from ...models.generate_cover_image_request import GenerateCoverImageRequest
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: GenerateCoverImageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/suno/cover/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverImageTaskCreatedResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = CoverImageTaskCreatedResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CoverImageTaskCreatedResponse | ErrorResponse]:
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
    body: GenerateCoverImageRequest,
) -> Response[CoverImageTaskCreatedResponse | ErrorResponse]:
    """Generate cover images for a music task

     Creates cover images (usually 2 different styles) for a music generation task. Only one
    cover task per music task: a repeat answers 400 with the existing cover task's id in
    `data.taskId`. Image URLs are kept 14 days.

    Args:
        body (GenerateCoverImageRequest): Body of POST /api/v1/suno/cover/generate (Create Suno
            Cover Task).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverImageTaskCreatedResponse | ErrorResponse]
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
    body: GenerateCoverImageRequest,
) -> CoverImageTaskCreatedResponse | ErrorResponse | None:
    """Generate cover images for a music task

     Creates cover images (usually 2 different styles) for a music generation task. Only one
    cover task per music task: a repeat answers 400 with the existing cover task's id in
    `data.taskId`. Image URLs are kept 14 days.

    Args:
        body (GenerateCoverImageRequest): Body of POST /api/v1/suno/cover/generate (Create Suno
            Cover Task).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverImageTaskCreatedResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateCoverImageRequest,
) -> Response[CoverImageTaskCreatedResponse | ErrorResponse]:
    """Generate cover images for a music task

     Creates cover images (usually 2 different styles) for a music generation task. Only one
    cover task per music task: a repeat answers 400 with the existing cover task's id in
    `data.taskId`. Image URLs are kept 14 days.

    Args:
        body (GenerateCoverImageRequest): Body of POST /api/v1/suno/cover/generate (Create Suno
            Cover Task).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverImageTaskCreatedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateCoverImageRequest,
) -> CoverImageTaskCreatedResponse | ErrorResponse | None:
    """Generate cover images for a music task

     Creates cover images (usually 2 different styles) for a music generation task. Only one
    cover task per music task: a repeat answers 400 with the existing cover task's id in
    `data.taskId`. Image URLs are kept 14 days.

    Args:
        body (GenerateCoverImageRequest): Body of POST /api/v1/suno/cover/generate (Create Suno
            Cover Task).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverImageTaskCreatedResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
