# ALTdesk — `make run` opens the app, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test test-slow sysdeps venv translations lint contracts pytest bench screenshots bundle clean
# One worker per core, each test file on one worker (a file's fixtures, such as the bundle it
# builds, are made once). A worker that dies ends the run at once, naming its test: replacing it
# can leave pytest-xdist's file-by-file scheduling waiting forever (pytest-xdist #784, #1323).
PYTEST_ARGS ?= -m "not slow" -n auto --dist loadfile --max-worker-restart=0
# The whole suite takes minutes; past this cap something hangs, and the run stops saying so.
PYTEST_CAP_S ?= 2700

run: sysdeps venv translations
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ] && command -v xvfb-run >/dev/null; then \
		echo "No display found: starting ALTdesk under Xvfb (xvfb-run)."; \
		xvfb-run -a $(PY) main.py $(ARGS); \
	else \
		$(PY) main.py $(ARGS); \
	fi

test: sysdeps venv translations lint contracts pytest

# The long series (100+ SIGKILLs during writes); `make test` runs a shorter one.
test-slow: sysdeps venv translations
	bash .ci/with-postgres.sh $(PY) -m pytest -q -m slow

sysdeps:
	@bash .ci/sysdeps.sh

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

lint: $(STAMP)
	$(VENV)/bin/ruff check .

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP)
	@timeout --kill-after=30 $(PYTEST_CAP_S) bash .ci/with-postgres.sh $(PY) -m pytest -q $(PYTEST_ARGS) \
		|| { status=$$?; [ $$status -eq 124 ] && echo "pytest ran past $(PYTEST_CAP_S) s and was stopped"; exit $$status; }

bench: sysdeps venv
	$(PY) main.py bench --size large $(ARGS)

screenshots: sysdeps venv translations
	$(PY) tools/screenshots.py docs/screenshots

bundle: sysdeps venv translations
	$(VENV)/bin/pyinstaller --noconfirm --clean pyinstaller.spec

clean:
	rm -rf build dist .pytest_cache .ruff_cache
