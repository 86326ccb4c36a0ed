# Överens. Quick start: `make run`, then `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-stamp

.PHONY: run test serve install migrate demo messages check-libmagic clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change, so `make test` is fast.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) check-libmagic

check-libmagic: $(STAMP)
	@$(PY) -c "import magic" 2>/dev/null || { \
	  echo "libmagic is missing: install the system package libmagic1" \
	       "(Debian/Ubuntu: sudo apt-get install libmagic1; macOS: brew install libmagic)." >&2; \
	  exit 1; }

migrate: install
	$(MANAGE) migrate --noinput

# The demo city of Kullahamn (demo/, see demo/README.md); skipped when the database has data.
demo: migrate
	$(MANAGE) seed_demo --if-empty
	@if $(MANAGE) help search_index >/dev/null 2>&1; then $(MANAGE) search_index update; fi

run: demo
	@echo ""
	@echo "Överens runs on http://127.0.0.1:8000/ - demo users, all with password 'demo':"
	@echo "  admin          superuser (also /admin/)"
	@echo "  samordnare     coordinator in Kullahamns stad"
	@echo "  tjansteperson  staff member in a municipal department"
	@echo "  forening       member of an association that is party to the local agreement"
	@echo "  utomstaende    member of an association that is party to nothing"
	@echo "A job worker runs beside the web server; one Ctrl-C stops both."
	@echo ""
	@trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	  $(MANAGE) worker & worker=$$!; \
	  $(MANAGE) runserver 127.0.0.1:8000

# The suite runs in one process per core (pytest-xdist); PYTEST_WORKERS=0 runs it in this one.
PYTEST_WORKERS ?= auto

test: install
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run --verbosity 0 \
	  || { echo "A model change has no migration: run $(MANAGE) makemigrations" >&2; exit 1; }
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Production-like: no debug, static files collected, gunicorn and a job worker (in production
# they are separate services, e.g. systemd units, on as many machines as you like).
serve: demo
	@export DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-serve-only-not-secret-0123456789abcdefghij} \
	  DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} DJANGO_SECURE_SSL_REDIRECT=0 \
	  DJANGO_SITE_URL=$${DJANGO_SITE_URL:-http://127.0.0.1:8000}; \
	  $(MANAGE) collectstatic --noinput --verbosity 0 || exit 1; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	  $(MANAGE) worker & worker=$$!; \
	  $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile -

# Update the translation catalogues after changing user-facing text.
messages: install
	$(MANAGE) makemessages --locale sv --locale en --no-location --no-obsolete \
	  --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'build/*'
	msgen --force-po -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# Search benchmark (issue 8): DOCS synthetic records (default 100000) through the real
# indexing and search code; SEARCH_BACKEND=postgres with a PostgreSQL DATABASE_URL measures
# PostgreSQL (benchmarks/search_bench.py). The last line:
# search p95_ms=… p50_ms=… docs=… index_docs_per_s=… update_visible_ms=… engine=…
# Page speed (issue 16; demo/management/commands/bench_pages.py): requests per second of the agreement page and the consultation page
# (500 comments) beside the accessibility statement; run it on a quiet machine (load < 1.5).
.PHONY: bench-pages
bench-pages: migrate
	$(MANAGE) bench_pages

.PHONY: bench-search
bench-search: install
	DJANGO_SETTINGS_MODULE=config.settings_test $(MANAGE) search_bench --docs $(or $(DOCS),100000)

# Scale benchmark (issue 17, item 7): seeds a city of 1,000 associations, 10,000 people, 3
# agreements, 50 forums, 2,000 meetings and 100,000 searchable records into a database of its
# own (var/scale/, or SCALE_DATABASE_URL; never the demo database) on the first run, indexes it,
# then prints p50/p95 server time of five pages for a coordinator and a member and the time
# to add a party at 10 and at 1,000 parties (benchmarks/scale_bench.py). The last line:
# scale orgs=… people=… records=… worst_p95_ms=… party_add_ms_at_10=… party_add_ms_at_1000=…
SCALE_DIR := $(CURDIR)/var/scale
SCALE_DATABASE_URL ?= sqlite:///$(SCALE_DIR)/scale.sqlite3
SCALE_ENV := DATABASE_URL=$(SCALE_DATABASE_URL) OVERENS_VAR_DIR=$(SCALE_DIR) JOBS_EAGER=0

.PHONY: bench-scale
bench-scale: install
	mkdir -p $(SCALE_DIR)
	$(SCALE_ENV) $(MANAGE) migrate --noinput --verbosity 0
	$(SCALE_ENV) $(PY) -m benchmarks.scale_bench $(if $(REQUESTS),--requests $(REQUESTS))
