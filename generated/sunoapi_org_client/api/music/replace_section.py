from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.kie_error_response import KieErrorResponse
from ...models.kie_task_response import KieTaskResponse
from ...models.replace_section_request import ReplaceSectionRequest
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: ReplaceSectionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generate/replace-section",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KieErrorResponse | KieTaskResponse:
    if response.status_code == 200:
        response_200 = KieTaskResponse.from_dict(response.json())

        return response_200

    response_default = KieErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KieErrorResponse | KieTaskResponse]:
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
    body: ReplaceSectionRequest,
) -> Response[KieErrorResponse | KieTaskResponse]:
    """Replace a section of a generated track

     Regenerates (infills) the time range `infillStartS`-`infillEndS` of a generated track
    (`taskId` + `audioId`) with new lyrics (`prompt`), style (`tags`) and `title`. The range is
    6-60 seconds and at most half of the track. Poll with Get Music Generation Details. Files
    are kept 14 days. This page documents the kie.ai code table (`KieResponseCode`: 402
    insufficient credits, 429 rate limited).

    Args:
        body (ReplaceSectionRequest): Body of POST /api/v1/generate/replace-section.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KieErrorResponse | KieTaskResponse]
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
    body: ReplaceSectionRequest,
) -> KieErrorResponse | KieTaskResponse | None:
    """Replace a section of a generated track

     Regenerates (infills) the time range `infillStartS`-`infillEndS` of a generated track
    (`taskId` + `audioId`) with new lyrics (`prompt`), style (`tags`) and `title`. The range is
    6-60 seconds and at most half of the track. Poll with Get Music Generation Details. Files
    are kept 14 days. This page documents the kie.ai code table (`KieResponseCode`: 402
    insufficient credits, 429 rate limited).

    Args:
        body (ReplaceSectionRequest): Body of POST /api/v1/generate/replace-section.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KieErrorResponse | KieTaskResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReplaceSectionRequest,
) -> Response[KieErrorResponse | KieTaskResponse]:
    """Replace a section of a generated track

     Regenerates (infills) the time range `infillStartS`-`infillEndS` of a generated track
    (`taskId` + `audioId`) with new lyrics (`prompt`), style (`tags`) and `title`. The range is
    6-60 seconds and at most half of the track. Poll with Get Music Generation Details. Files
    are kept 14 days. This page documents the kie.ai code table (`KieResponseCode`: 402
    insufficient credits, 429 rate limited).

    Args:
        body (ReplaceSectionRequest): Body of POST /api/v1/generate/replace-section.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KieErrorResponse | KieTaskResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReplaceSectionRequest,
) -> KieErrorResponse | KieTaskResponse | None:
    """Replace a section of a generated track

     Regenerates (infills) the time range `infillStartS`-`infillEndS` of a generated track
    (`taskId` + `audioId`) with new lyrics (`prompt`), style (`tags`) and `title`. The range is
    6-60 seconds and at most half of the track. Poll with Get Music Generation Details. Files
    are kept 14 days. This page documents the kie.ai code table (`KieResponseCode`: 402
    insufficient credits, 429 rate limited).

    Args:
        body (ReplaceSectionRequest): Body of POST /api/v1/generate/replace-section.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KieErrorResponse | KieTaskResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
