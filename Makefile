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

.PHONY: install generate check-generated lint typecheck test matrix demo record bench contract \
	prism wacht-js clean docs dist-check

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

# pytest also runs the contract checks (tests/contract): Prism and Wacht's official JS SDK must
# be installed first.
test: install prism wacht-js check-generated lint typecheck docs
	$(BIN)/python -m pytest -q

# The HTML docs (mkdocs.yml), API reference included, into site/. Strict: any warning (a broken
# link, anchor or cross-reference, a page missing from nav) fails. The variable silences
# mkdocs-material's banner about MkDocs 2.0, which is noise here, not a warning.
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# Build the wheel and sdist into dist/, check them, install the wheel with [testing] into a clean
# virtualenv and run the docs' cassette recipe and the README's Quick start from there.
dist-check: install
	$(BIN)/python tools/dist_check.py

# The support matrix (noxfile.py): the fast tests on Python 3.11-3.13 with the newest and the
# lowest dependency versions that pyproject.toml declares, two cells at a time, then a table.
matrix: install
	@status=0; $(BIN)/nox --parallel 2 || status=$$?; $(BIN)/python noxfile.py || status=1; \
	exit $$status

demo: install
	$(BIN)/python examples/oauth_walkthrough.py

record: install
	@# Fresh seeded emulators: re-recording without API changes gives byte-identical files.
	rm -rf tests/cassettes
	$(BIN)/python -m pytest -q tests/cassette --record-mode=all
	$(BIN)/python -m pytest -q examples/django_app/tests --record-mode=all
	$(BIN)/python -m pytest -q examples/cassette_recipe --record-mode=all
	$(BIN)/python -m pytest -q tests/cassette tests/test_cassette_hygiene.py \
		examples/django_app/tests examples/cassette_recipe

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

# Wacht's official JS SDK, the third-party judge of tests/contract/test_official_js_*.py: exactly
# what tests/contract/js/package-lock.json pins (npm ci), no install scripts, project-local.
WACHT_JS       := tests/contract/js
WACHT_JS_STAMP := $(WACHT_JS)/node_modules/.installed

$(WACHT_JS_STAMP): $(WACHT_JS)/package.json $(WACHT_JS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm not found (the official JS SDK needs node >= 20 and npm)"; exit 1; }
	cd $(WACHT_JS) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node -e 'console.log("@wacht/backend", require("./$(WACHT_JS)/node_modules/@wacht/backend/package.json").version)'
	touch $@

wacht-js: $(WACHT_JS_STAMP)

# Every facade method's request, validated by Prism (mock, --errors) against the spec; and the
# official JS SDK against the emulator and against this SDK's requests.
contract: install prism wacht-js
	$(BIN)/python -m pytest -q tests/contract

bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/cli_startup.py

clean:
	rm -rf $(VENV) .nox .pytest_cache .mypy_cache .ruff_cache site dist build
