from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stem_clips_response import StemClipsResponse
from ...types import Response, to_http_status


def _get_kwargs(
    clip_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/suno/act/stems/{clip_id}".format(
            clip_id=quote(str(clip_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StemClipsResponse:
    if response.status_code == 200:
        response_200 = StemClipsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | StemClipsResponse]:
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
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | StemClipsResponse]:
    """Separate a clip into stems, GET form (gateway extension)

     Not stock new-api (no such route). Asks Suno to split a finished clip into stems and
    answers at once with Suno's own answer (no `{code, data}` envelope): the new stem clips,
    still `queued`, each with `metadata.type` "stem" and `metadata.stem_from_id` naming the
    source, and a title ending in the stem's name (" - Vocals", " - Instrumental"). The page
    documents no task id and no way to follow the stem clips afterwards. Starts a billed
    job: never re-sent after an ambiguous failure. The other documented stems form is
    `task: gen_stem` on submit_music (CometAPI).

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StemClipsResponse]
    """

    kwargs = _get_kwargs(
        clip_id=clip_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | StemClipsResponse | None:
    """Separate a clip into stems, GET form (gateway extension)

     Not stock new-api (no such route). Asks Suno to split a finished clip into stems and
    answers at once with Suno's own answer (no `{code, data}` envelope): the new stem clips,
    still `queued`, each with `metadata.type` "stem" and `metadata.stem_from_id` naming the
    source, and a title ending in the stem's name (" - Vocals", " - Instrumental"). The page
    documents no task id and no way to follow the stem clips afterwards. Starts a billed
    job: never re-sent after an ambiguous failure. The other documented stems form is
    `task: gen_stem` on submit_music (CometAPI).

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StemClipsResponse
    """

    return sync_detailed(
        clip_id=clip_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | StemClipsResponse]:
    """Separate a clip into stems, GET form (gateway extension)

     Not stock new-api (no such route). Asks Suno to split a finished clip into stems and
    answers at once with Suno's own answer (no `{code, data}` envelope): the new stem clips,
    still `queued`, each with `metadata.type` "stem" and `metadata.stem_from_id` naming the
    source, and a title ending in the stem's name (" - Vocals", " - Instrumental"). The page
    documents no task id and no way to follow the stem clips afterwards. Starts a billed
    job: never re-sent after an ambiguous failure. The other documented stems form is
    `task: gen_stem` on submit_music (CometAPI).

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StemClipsResponse]
    """

    kwargs = _get_kwargs(
        clip_id=clip_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | StemClipsResponse | None:
    """Separate a clip into stems, GET form (gateway extension)

     Not stock new-api (no such route). Asks Suno to split a finished clip into stems and
    answers at once with Suno's own answer (no `{code, data}` envelope): the new stem clips,
    still `queued`, each with `metadata.type` "stem" and `metadata.stem_from_id` naming the
    source, and a title ending in the stem's name (" - Vocals", " - Instrumental"). The page
    documents no task id and no way to follow the stem clips afterwards. Starts a billed
    job: never re-sent after an ambiguous failure. The other documented stems form is
    `task: gen_stem` on submit_music (CometAPI).

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StemClipsResponse
    """

    return (
        await asyncio_detailed(
            clip_id=clip_id,
            client=client,
        )
    ).parsed
