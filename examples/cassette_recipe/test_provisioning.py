import pytest
from provisioning import provision


@pytest.mark.vcr
def test_provision_creates_a_confidential_client(wacht):
    created = provision(wacht, "dep_123", "mcp-auth")

    assert created.client_id.startswith("oc_")
    # The real secret while recording; the cassette stores only a placeholder.
    assert created.client_secret.startswith("oc_secret_")
