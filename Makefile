# OZG-Dienste-Shop: `make run` serves the site with demo data, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-production lock run test test-schema lint format migrate seed clean bench screenshots

install: $(VENV)/.installed node_modules/.installed .env

# Both lock files pin every package with its hashes (`make lock` writes them from pyproject.toml):
# CI, a developer's machine and production install the same versions.
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
PIP_VERSION := 26.3

$(VENV)/.installed: pyproject.toml requirements/development.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install pip==$(PIP_VERSION)
	$(PIP) install --require-hashes -r requirements/development.txt
	$(PIP) install --no-deps -e .
	$(PIP) check
	touch $@

# Production (docs/deployment.md): the application without test, lint and benchmark tools.
install-production: node_modules/.installed
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install pip==$(PIP_VERSION)
	$(PIP) install --require-hashes -r requirements/production.txt
	$(PIP) install --no-deps -e .
	$(PIP) check

# After changing a version in pyproject.toml; other pins stay unless `make lock UPGRADE=1`.
lock: install
	for extra in production development; do \
		$(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
			--generate-hashes --no-header $(if $(UPGRADE),--upgrade) \
			$$( [ $$extra = development ] && echo --extra dev ) -o requirements/$$extra.txt; \
	done

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Local development settings; production sets real environment variables instead.
.env:
	printf 'DEBUG=true\n' > $@

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	@$(BIN)/python manage.py demo_overview --base-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# One pytest-xdist worker a core, each on its copy of one migrated test database
# (tests/template_database.py); TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto
# The test modules as pytest rewrites them are kept in __pycache__ even where the environment says
# not to write bytecode (PYTHONDONTWRITEBYTECODE): otherwise every worker of every run rewrites
# all of them again, about 6 s a worker.
test: export PYTHONDONTWRITEBYTECODE :=
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The migrated SQLite test database as SQL, from which `make test` starts instead of migrating
# (tests/migrated_schema.py): write it anew after a new migration or an upgrade of Django,
# Wagtail or Oscar; until then the tests migrate from scratch, as CI's check reminds.
test-schema: install
	$(BIN)/python -m tests.migrated_schema

# Benchmark at Land scale (docs/performance.md), not part of `make test`: SQLite with one gunicorn
# worker; with DATABASE_URL and REDIS_URL set also PostgreSQL + Redis with two workers.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk; } || \
		{ echo "make bench braucht wrk: sudo apt-get install wrk" >&2; exit 1; }
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python -m bench.run $(BENCH_ARGS)
	@if [ -n "$$DATABASE_URL" ] && [ -n "$$REDIS_URL" ]; then \
		$(BIN)/python -m bench.run --database-url "$$DATABASE_URL" --redis-url "$$REDIS_URL" \
			--workers 2 $(BENCH_ARGS); \
	fi

# The whole product in one folder (not part of `make test`): a fresh demo database under
# var/screenshots/, every page type per role at 1280 and 320 px (bench/screenshots.py).
screenshots: install
	$(BIN)/python -m bench.screenshots

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules var
