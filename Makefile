# OZG-Dienste-Shop: `make run` serves the site with demo data, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format migrate seed clean bench screenshots

install: $(VENV)/.installed node_modules/.installed .env

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

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

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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
