# `make run` and `make test` are all a new user needs: both build .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install lint format setup serve clean browser-test-deps bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

setup: install
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py load_asylum_welcome_2023
	$(BIN)/python manage.py load_lab_2024
	$(BIN)/python manage.py load_toolkit
	$(BIN)/python manage.py documents_place
	$(BIN)/python manage.py demo_accounts

serve:
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

run: setup serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The accessibility test drives Debian's chromium (never a downloaded browser) with axe-core
# from npm. Installed when missing and running as root; otherwise that test skips, saying why.
browser-test-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --silent; \
	fi

test: lint browser-test-deps
	$(BIN)/pytest

# Each benchmark prints its figures with their reference and goal: every script in
# benchmarks/ but the Django floor (a server serve_toolkit_page.py starts beside the site),
# with its arguments from BENCH_ARGS_<name>. wrk measures serving (installed when missing
# and running as root; otherwise a slower Python client does). With CELERY_BROKER_URL set,
# health_timing.py also runs a worker. The dashboard is timed on PostgreSQL only.
BENCHMARKS := $(filter-out benchmarks/django_floor.py,$(sort $(wildcard benchmarks/*.py)))
BENCH_ARGS_export_national := --reuse
BENCH_ARGS_dashboard := --scale 1 --reuse
bench: install
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	fi
	@failed=""; $(foreach script,$(BENCHMARKS),echo "== $(script)"; \
	  $(BIN)/python $(script) $(BENCH_ARGS_$(basename $(notdir $(script)))) \
	  || failed="$$failed $(script)";) \
	if [ -n "$$failed" ]; then echo "benchmarks that failed:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected var
