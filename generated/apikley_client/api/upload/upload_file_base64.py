from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.upload_base_64_request import UploadBase64Request
from ...models.upload_response import UploadResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: UploadBase64Request,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/file-base64-upload",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> UploadResponse:
    if response.status_code == 200:
        response_200 = UploadResponse.from_dict(response.json())

        return response_200

    response_default = UploadResponse.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[UploadResponse]:
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
    body: UploadBase64Request,
) -> Response[UploadResponse]:
    """Upload a temporary file (base64)

     Uploads a small file given as base64 (or a data URL; +33 % size) to temporary storage;
    files are deleted after 3 days. Phase `call`: a re-sent upload costs no credits and at
    worst leaves a second temporary file (or overwrites the same `fileName`), so it is safe
    to retry.

    Args:
        body (UploadBase64Request): Body of POST /file-upload/api/file-base64-upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadResponse]
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
    body: UploadBase64Request,
) -> UploadResponse | None:
    """Upload a temporary file (base64)

     Uploads a small file given as base64 (or a data URL; +33 % size) to temporary storage;
    files are deleted after 3 days. Phase `call`: a re-sent upload costs no credits and at
    worst leaves a second temporary file (or overwrites the same `fileName`), so it is safe
    to retry.

    Args:
        body (UploadBase64Request): Body of POST /file-upload/api/file-base64-upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadBase64Request,
) -> Response[UploadResponse]:
    """Upload a temporary file (base64)

     Uploads a small file given as base64 (or a data URL; +33 % size) to temporary storage;
    files are deleted after 3 days. Phase `call`: a re-sent upload costs no credits and at
    worst leaves a second temporary file (or overwrites the same `fileName`), so it is safe
    to retry.

    Args:
        body (UploadBase64Request): Body of POST /file-upload/api/file-base64-upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadBase64Request,
) -> UploadResponse | None:
    """Upload a temporary file (base64)

     Uploads a small file given as base64 (or a data URL; +33 % size) to temporary storage;
    files are deleted after 3 days. Phase `call`: a re-sent upload costs no credits and at
    worst leaves a second temporary file (or overwrites the same `fileName`), so it is safe
    to retry.

    Args:
        body (UploadBase64Request): Body of POST /file-upload/api/file-base64-upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
