"""docs/django.md's snippets, pasted into the files they name, make a Django project that works.

test_snippets.py runs each page's blocks in one interpreter; this test puts the Django page's
blocks where a reader would (`# settings.py` blocks into settings.py, `# views.py` into
views.py, the middleware into middleware.py) and sends requests through Django to the emulator.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import snippets

DOC = snippets.ROOT / "docs" / "django.md"
# What a project has anyway and the page does not show: the bare minimum of settings, one URL.
PROJECT_SETTINGS = """
SECRET_KEY = "not-secret"
ALLOWED_HOSTS = ["testserver"]
ROOT_URLCONF = "wacht_example.urls"
INSTALLED_APPS = []
"""
URLS = """
from django.urls import path

from . import views

urlpatterns = [path("apps/<str:slug>/clients/", views.list_clients)]
"""
REQUESTS = """
import json, os, django
from django.test import Client
from wacht_oauth_client.models import CreateOAuthAppRequest
from wacht_oauth_client.testing import Emulator, run_emulator

os.environ["DJANGO_SETTINGS_MODULE"] = "wacht_example.settings"
with run_emulator(Emulator(seed=0)) as url:
    os.environ.update(WACHT_API_KEY="wacht_test_sk_local", WACHT_BASE_URL=url)
    django.setup()
    from wacht_oauth_client.contrib.django import get_client

    client = Client()
    answers = {"missing": client.get("/apps/billing/clients/")}
    get_client().oauth.create_oauth_app(
        "dep_123", CreateOAuthAppRequest(slug="billing", name="Billing")
    )
    answers["found"] = client.get("/apps/billing/clients/")
print(json.dumps({k: [r.status_code, r.json()] for k, r in answers.items()}))
"""


def _files() -> dict[str, str]:
    files: dict[str, list[str]] = {"settings.py": [], "views.py": [], "middleware.py": []}
    for block in snippets.python_blocks(DOC):
        first = block.code.splitlines()[0]
        if block.filename.endswith("middleware.py"):
            files["middleware.py"].append(block.code)
        elif first.startswith("# ") and first[2:] in files:
            files[first[2:]].append(block.code)
    assert all(files.values()), f"docs/django.md lacks a block for: {files}"
    return {name: "\n".join(codes) for name, codes in files.items()}


def test_the_pasted_project_answers_through_the_middleware(tmp_path: Path) -> None:
    package = tmp_path / "wacht_example"
    package.mkdir()
    files = _files()
    files["settings.py"] += PROJECT_SETTINGS
    files["urls.py"] = URLS
    files["__init__.py"] = ""
    for name, code in files.items():
        (package / name).write_text(textwrap.dedent(code), encoding="utf-8")

    run = subprocess.run(
        [sys.executable, "-c", REQUESTS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )

    assert run.returncode == 0, run.stderr
    answers = json.loads(run.stdout.splitlines()[-1])
    assert answers["missing"] == [404, {"error": {"message": "OAuth app not found"}}]
    assert answers["found"] == [200, {"clients": []}]
