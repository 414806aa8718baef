"""The suite runs offline: pytest-recording's --block-network (set in pyproject addopts) refuses any
connection that is not to this machine, so a test that would reach the internet fails."""

import socket

import pytest


def test_non_loopback_connections_are_refused() -> None:
    # A TEST-NET-3 address (RFC 5737): never routable, so nothing is contacted even if unblocked.
    with pytest.raises(Exception, match="[Nn]etwork"):
        socket.create_connection(("203.0.113.1", 443), timeout=0.5)


def test_the_default_base_url_is_unreachable_and_fails_typed() -> None:
    from wacht_oauth_client import APIConnectionError, WachtClient

    with WachtClient(api_key="k", max_retries=0, timeout=0.5) as client:
        with pytest.raises(APIConnectionError):
            client.oauth.list_oauth_apps("dep_123")
