"""The README's "Regenerating the client" flow, run on a temporary copy of the project.

1. Add an optional field to `OAuthGrant` in the spec: `make check-generated` fails and its diff
   shows the new field; `make generate` regenerates; `make check-generated` passes again and the
   regenerated model reads the field.
2. Add a new operation: the drift check fails (a new generated module), and the facade-coverage
   test (tests/test_facade_coverage.py, run against the changed spec) fails naming the facade
   method that must be written.
The real tree is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = "openapi/wacht-oauth.yaml"
TEMPLATES = "openapi/templates"
GENERATED = "wacht_oauth_client/_generated"


def _copy_project(destination: Path) -> Path:
    """What `make generate` / `make check-generated` read, with the real virtualenv linked in."""
    (destination / "openapi").mkdir(parents=True)
    shutil.copy2(ROOT / SPEC, destination / SPEC)
    shutil.copytree(ROOT / TEMPLATES, destination / TEMPLATES)
    for name in ("generator-config.yaml", "Makefile"):
        shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(
        ROOT / GENERATED, destination / GENERATED, ignore=shutil.ignore_patterns("__pycache__")
    )
    (destination / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return destination


def _make(project: Path, target: str) -> subprocess.CompletedProcess[str]:
    # `-o install`: treat the venv as installed, so the copy never pip-installs anything.
    return subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "-o", ".venv/bin/.installed", target],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _edit_spec(project: Path, change: Any) -> None:
    path = project / SPEC
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(spec)
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")


def _add_grant_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["OAuthGrant"]["properties"]["consent_ip"] = {
        "type": ["string", "null"],
        "description": "Where the user consented from.",
    }


def _add_get_grant_operation(spec: dict[str, Any]) -> None:
    grants = "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}"
    params = ["OAuthAppSlug", "OAuthClientId", "GrantId"]
    spec["paths"][grants + "/grants/{grant_id}"] = {
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in params],
        "get": {
            "operationId": "get_oauth_grant",
            "tags": ["oauth"],
            "responses": {
                "200": {
                    "description": "The grant.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/OAuthGrant"}}
                    },
                }
            },
        },
    }


def test_a_new_optional_field_is_caught_by_the_drift_check_and_regenerated(
    tmp_path: Path,
) -> None:
    project = _copy_project(tmp_path / "project")
    _edit_spec(project, _add_grant_field)

    drift = _make(project, "check-generated")
    assert drift.returncode != 0
    assert "generated code is up to date" not in drift.stdout
    assert "models/o_auth_grant.py" in drift.stdout
    # `diff -ru <fresh> <committed>`: lines only the regenerated code has are the "-" lines.
    assert "-    consent_ip: None | str | Unset = UNSET" in drift.stdout

    generated = _make(project, "generate")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    again = _make(project, "check-generated")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "generated code is up to date" in again.stdout

    # The regenerated model reads the new field. Imported under another package name in a fresh
    # interpreter, so it cannot be confused with the installed package.
    probe = tmp_path / "probe"
    shutil.copytree(project / GENERATED, probe / "regenerated")
    code = (
        "from regenerated.models.o_auth_grant import OAuthGrant\n"
        "fields = {'id': '1', 'api_auth_app_slug': 'aa_1', 'oauth_client_id': '2',\n"
        "    'resource': 'urn:wacht:user:3', 'scopes': [], 'status': 'active',\n"
        "    'granted_at': '2026-01-01T00:00:00Z', 'expires_at': None, 'revoked_at': None,\n"
        "    'created_at': '2026-01-01T00:00:00Z', 'updated_at': '2026-01-01T00:00:00Z',\n"
        "    'consent_ip': '203.0.113.7'}\n"
        "print(OAuthGrant.from_dict(fields).consent_ip)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=probe, capture_output=True, text=True)
    assert result.stdout.strip() == "203.0.113.7", result.stderr
    # The real tree still has no such field.
    assert "consent_ip" not in (ROOT / GENERATED / "models" / "o_auth_grant.py").read_text()


def _facade_coverage(where: Path) -> subprocess.CompletedProcess[str]:
    """tests/test_facade_coverage.py run against `where`/openapi (it reads the spec next door)."""
    (where / "tests").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "tests" / "test_facade_coverage.py", where / "tests")
    # No third-party plugins (faster; and no Django settings from this session).
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_new_operation_is_caught_by_the_drift_and_facade_coverage_checks(
    tmp_path: Path,
) -> None:
    # Control: the coverage test passes on an unchanged copy of the spec.
    control = tmp_path / "control"
    (control / "openapi").mkdir(parents=True)
    shutil.copy2(ROOT / SPEC, control / SPEC)
    passed = _facade_coverage(control)
    assert passed.returncode == 0, passed.stdout + passed.stderr

    project = _copy_project(tmp_path / "project")
    _edit_spec(project, _add_get_grant_operation)

    drift = _make(project, "check-generated")
    assert drift.returncode != 0
    assert "get_oauth_grant.py" in drift.stdout

    changed = tmp_path / "changed"
    (changed / "openapi").mkdir(parents=True)
    shutil.copy2(project / SPEC, changed / SPEC)
    failed = _facade_coverage(changed)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "client.oauth.get_oauth_grant is missing" in failed.stdout
    assert "client.oauth.with_raw_response.get_oauth_grant is missing" in failed.stdout
    assert "client.deployment().oauth.get_oauth_grant is missing" in failed.stdout
    assert "client.deployment().oauth.with_raw_response.get_oauth_grant is missing" in failed.stdout
