# Everything runs inside the project virtualenv (.venv), created on first use.
PY      ?= $(shell command -v python3.11 || command -v python3)
VENV    := .venv
BIN     := $(VENV)/bin
SPEC    := openapi/wacht-oauth.yaml
GEN_OUT := wacht_oauth_client/_generated
# Our overrides of the generator's templates (the rest are its built-ins); see their headers.
TEMPLATES := openapi/templates
# The generator's ruff post-hooks must find the pinned ruff first on PATH.
GENERATE = PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate \
	--path $(SPEC) --config generator-config.yaml --meta none --fail-on-warning \
	--custom-template-path $(TEMPLATES)

.PHONY: install generate check-generated lint typecheck test demo record bench contract prism clean

$(BIN)/.installed: pyproject.toml requirements-dev.lock
	@command -v $(PY) >/dev/null 2>&1 || { echo "$(PY) not found"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip==26.3"
	$(BIN)/python -m pip install -q -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

install: $(BIN)/.installed

generate: install
	$(GENERATE) --output-path $(GEN_OUT) --overwrite

# Regenerate into a temp folder and diff: exit 1 on any drift from the committed code.
check-generated: install
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GENERATE) --output-path "$$tmp/_generated" >/dev/null && \
	diff -ru --exclude=__pycache__ "$$tmp/_generated" $(GEN_OUT) && \
	echo "generated code is up to date"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

# pytest also runs the Prism contract check (tests/contract), so Prism must be installed first.
test: install prism check-generated lint typecheck
	$(BIN)/python -m pytest -q

demo: install
	$(BIN)/python examples/oauth_walkthrough.py

record: install
	@# Fresh seeded emulators: re-recording without API changes gives byte-identical files.
	rm -rf tests/cassettes
	$(BIN)/python -m pytest -q tests/cassette --record-mode=all
	$(BIN)/python -m pytest -q examples/django_app/tests --record-mode=all
	$(BIN)/python -m pytest -q tests/cassette tests/test_cassette_hygiene.py examples/django_app/tests

# Stoplight Prism, pinned, installed project-locally (npm registry; needs node and npm).
PRISM_VERSION := 5.16.0
PRISM_STAMP   := .prism/.installed-$(PRISM_VERSION)

$(PRISM_STAMP):
	@command -v npm >/dev/null 2>&1 || { echo "npm not found (Prism needs node >= 18 and npm)"; exit 1; }
	rm -rf .prism
	SCARF_ANALYTICS=false npm install --prefix .prism --no-audit --no-fund --ignore-scripts \
		--loglevel=error @stoplight/prism-cli@$(PRISM_VERSION)
	.prism/node_modules/.bin/prism --version
	touch $@

prism: $(PRISM_STAMP)

# Every facade method's request, validated by Prism (mock, --errors) against the spec.
contract: install prism
	$(BIN)/python -m pytest -q tests/contract

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
