# Tafel — the two commands are `make run` and `make test`; everything else supports them.
# Installs are skipped when their lock files did not change (stamp files in .venv and node_modules).

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
SPA_STAMP := frontend/dist/index.html
SPA_SOURCES := $(shell find frontend/src frontend/index.html frontend/public -type f 2>/dev/null) \
	frontend/vite.config.ts frontend/package-lock.json openapi.yaml

.PHONY: run test install lint typecheck imports pytest frontend-check e2e browser openapi client \
	lock fuzz chaos bench clean

## run: install, build the web app, migrate SQLite under var/, seed the demo, serve on :8000
run: install $(SPA_STAMP)
	@mkdir -p var
	TAFEL_SEED_DEMO=$${TAFEL_SEED_DEMO:-true} $(BIN)/tafel serve --migrate

## test: install, then every check CI runs (PostgreSQL and the browser when configured)
test: install lint typecheck imports pytest frontend-check e2e

install: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(SPA_STAMP): $(NODE_STAMP) $(SPA_SOURCES)
	cd frontend && npm run --silent build

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(PY_STAMP)
	$(BIN)/mypy api adapters domain migrations tests bench

imports: $(PY_STAMP)
	$(BIN)/lint-imports

## pytest: in parallel on the machine's cores (PYTEST_WORKERS=0 for one process)
pytest: $(PY_STAMP)
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-auto}

frontend-check: $(NODE_STAMP)
	cd frontend && npm run --silent typecheck && npm run --silent lint && npm run --silent test \
		&& npm run --silent build && npm run --silent budget

## e2e: browser tests in Debian's Chromium (installed with apt when missing and running as root)
e2e: $(SPA_STAMP) browser
	@if [ -x /usr/bin/chromium ]; then cd frontend && npm run --silent e2e; \
	else echo "e2e: Chromium missing, browser tests skipped"; fi

browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; fi
	@if [ ! -x /usr/bin/chromium ] && [ "$${TAFEL_REQUIRE_BROWSER:-0}" = "1" ]; then \
		echo "TAFEL_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing" >&2; exit 1; fi

## openapi: write openapi.yaml from the app and regenerate the SPA's types from it
openapi: $(PY_STAMP)
	$(BIN)/tafel openapi export
	@if [ -d frontend/node_modules ]; then cd frontend && npm run --silent gen:api; fi

## fuzz: the contract fuzzing at 500 examples per operation, every role, both databases
fuzz: $(PY_STAMP)
	TAFEL_FUZZ_EXAMPLES=$${TAFEL_FUZZ_EXAMPLES:-500} TAFEL_FUZZ_ALL=1 \
		$(BIN)/python -m pytest tests/api/test_contract_fuzzing.py

## chaos: SIGKILL trials and PostgreSQL outages under load, on a private cluster (TAFEL_CHAOS_*)
chaos: install
	$(BIN)/python -m tests.chaos

## bench: the national-scale benchmark on PostgreSQL (drops and rebuilds TAFEL_BENCH_DATABASE)
bench: install
	$(BIN)/python -m bench --database $${TAFEL_BENCH_DATABASE:-postgresql://postgres@127.0.0.1:5432/tafel_bench}

## lock: re-resolve Python dependencies into requirements.lock (after editing pyproject.toml)
lock:
	rm -rf /tmp/tafel-lock && $(PYTHON) -m venv /tmp/tafel-lock
	/tmp/tafel-lock/bin/pip install --quiet --disable-pip-version-check '.[dev]'
	/tmp/tafel-lock/bin/pip freeze --exclude tafel > requirements.lock
	rm -rf /tmp/tafel-lock

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/*.db
