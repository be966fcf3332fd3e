"""The pytest plugin behind `sunokit.testing` (entry point `pytest11: sunokit`).

Loaded by every pytest run where sunokit is installed, so it imports nothing heavy until the
`sunokit_mock` fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .testing import MockedVendor

__all__ = ["pytest_configure", "sunokit_mock"]

_DEFAULT_VENDOR = "sunoapi_org"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sunokit_mock(vendor='sunoapi_org', callback_url=None, client_options=None, **options):"
        " configure the sunokit_mock fixture (options: sunokit.mock.create_app's)",
    )


@pytest.fixture
def sunokit_mock(request: pytest.FixtureRequest) -> Iterator[MockedVendor]:
    """A mock vendor on loopback with a wired SunoClient (`sunokit.testing.MockedVendor`).

    The vendor comes from indirect parametrization (`request.param`), else from the
    `sunokit_mock` marker's `vendor`, else it is sunoapi_org.
    """
    from .testing import mock_vendor

    marker = request.node.get_closest_marker("sunokit_mock")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    if marker is not None and marker.args:
        options.setdefault("vendor", marker.args[0])
    if hasattr(request, "param"):
        options["vendor"] = request.param
    vendor = options.pop("vendor", _DEFAULT_VENDOR)
    with mock_vendor(vendor, **options) as mocked:
        yield mocked
