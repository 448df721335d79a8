# Sergek PPP report. `make report` and `make test` do all the set-up on a fresh machine.
.DEFAULT_GOAL := help
SHELL := /bin/bash
# Compiled modules are kept (in __pycache__, which git ignores) even where the shell asks
# Python not to write them: otherwise every test process, kernel and build compiles the
# package and rewrites the tests' asserts again (about 2 s a process).
unexport PYTHONDONTWRITEBYTECODE

# Python 3.11, 3.12 or 3.13. Without PYTHON=..., an up-to-date .venv keeps its Python.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# One test process per core; the tests that share a build run in one of them (tests/conftest.py).
TEST_PARALLEL ?= -n auto --dist loadgroup
# pytest with the one plugin the tests use: the Jupyter stack installs others (anyio,
# platformdirs) that every test process would load for nothing (about 0.5 s each). One
# numerical thread per test process: with a process per core, OpenBLAS's extra threads only
# spin (a third more CPU time for the same tests).
PYTEST := PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
	$(VPY) -m pytest -p xdist.plugin
PARAMS ?= params/default.yaml
JOBS ?=
PYTEST_ARGS ?=
BENCH_ARGS ?=
LAB_PORT ?= 8888
PREVIEW_PORT ?=
UV_VERSION := 0.13.9
# What a run adds to a notebook's metadata besides outputs: the kernel's Python version and
# its editor hints (kept: language_info.name). Same list in .pre-commit-config.yaml.
NBSTRIPOUT_KEYS := --extra-keys "metadata.language_info.version metadata.language_info.codemirror_mode \
	metadata.language_info.file_extension metadata.language_info.mimetype \
	metadata.language_info.nbconvert_exporter metadata.language_info.pygments_lexer \
	cell.metadata.user_expressions"
PYTHON_EXPLICIT := $(if $(filter command line environment,$(origin PYTHON)),1)
ENV_SCRIPT = MAKE_TARGET="$(or $(firstword $(MAKECMDGOALS)),env)" bash tools/env.sh "$(PYTHON)" "$(PYTHON_EXPLICIT)"

.PHONY: help report report-kk translations preview test test-fast lab lint format clean publish scenarios bench env lock venv check-html

help: ## list the targets
	@echo "Sergek report: targets"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14 | sed 's/^/  make /'
	@echo "  Variables: PARAMS=params/x.yaml (another edition into build/x/), JOBS=N,"
	@echo "             PREVIEW_PORT=N (make preview; default 4848, or any free port),"
	@echo "             PYTHON=python3.12 (the interpreter for .venv: 3.11, 3.12 or 3.13),"
	@echo "             PYTEST_ARGS='-k backtest' (make test, make test-fast)"

# Checked before every target that uses .venv (a few ms when nothing changed).
venv:
	@$(ENV_SCRIPT)

env: ## create or update the project environment (.venv) from the lock, say which Python
	@$(ENV_SCRIPT) --verbose

report: venv ## build build/report.pdf and build/report.html (PARAMS=… for another edition)
	@$(VPY) -m sergek_report build --params "$(PARAMS)" $(if $(JOBS),--jobs $(JOBS))

report-kk: venv ## the Kazakh edition into build/kk/ (DRAFT=1: untranslated passages marked, not an error)
	@$(VPY) -m sergek_report build --language kk --params "$(PARAMS)" $(if $(JOBS),--jobs $(JOBS)) \
		$(if $(DRAFT),--draft)

translations: venv ## update locale/messages.pot and locale/kk/LC_MESSAGES/report.po from the Russian text
	@$(VENV)/bin/pybabel -q extract -F babel.cfg -o locale/messages.pot --project "Sergek PPP report" \
		--copyright-holder "Sergek report authors" .
	@$(VENV)/bin/pybabel -q update -i locale/messages.pot -d locale -D report -l kk --previous --init-missing
	@mkdir -p build/locale
	@$(VENV)/bin/pybabel compile -i locale/kk/LC_MESSAGES/report.po -o build/locale/kk.mo -l kk --statistics
	@echo "translations: locale/messages.pot and locale/kk/LC_MESSAGES/report.po updated"

preview: venv ## serve the HTML report on 127.0.0.1 and rebuild it on every change (Ctrl-C stops)
	@$(VPY) -m sergek_report preview --params "$(PARAMS)" $(if $(PREVIEW_PORT),--port $(PREVIEW_PORT)) \
		$(if $(JOBS),--jobs $(JOBS))

scenarios: venv ## one report per params/scenarios/*.yaml and a comparison page
	@$(VPY) -m sergek_report scenarios $(if $(JOBS),--jobs $(JOBS))

publish: report ## record this edition's key figures as the baseline (published/metrics.json)
	@$(VPY) -m sergek_report publish --params "$(PARAMS)"

test: venv ## run all tests (unit, data, backtest, end-to-end build, lint, JupyterLab)
	@$(PYTEST) -q -rs $(TEST_PARALLEL) $(PYTEST_ARGS)

test-fast: venv ## unit tests only (no end-to-end build)
	@$(PYTEST) -q -rs -m "not slow" $(TEST_PARALLEL) $(PYTEST_ARGS)

lint: venv ## ruff check and ruff format --check on the package, tests and notebooks
	@$(VPY) -m ruff check sergek_report tests notebooks tools
	@$(VPY) -m ruff format --check sergek_report tests notebooks tools

format: venv ## ruff format, list the assumptions in each parameters cell, strip notebook outputs
	@$(VPY) -m ruff format sergek_report tests notebooks tools
	@$(VPY) -m sergek_report.build.chapters
	@$(VPY) -m nbstripout --keep-id $(NBSTRIPOUT_KEYS) notebooks/*.ipynb

lab: venv ## JupyterLab in the project environment (loopback only)
	@$(VPY) -m jupyter lab --no-browser --ip=127.0.0.1 --port=$(LAB_PORT) \
		--ServerApp.root_dir=$(CURDIR) $(if $(filter 0,$(shell id -u)),--allow-root)

bench: venv ## benchmark: cold, no-op, one-table builds vs the plain chain (BENCH_ARGS=--suite: make test's time)
	@$(VPY) tools/bench.py $(BENCH_ARGS)

lock: ## regenerate requirements.txt (pins + hashes, Python 3.11-3.13) from requirements.in; check it for withdrawn releases
	@rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	@.lock-venv/bin/python -m pip install -qq --disable-pip-version-check uv==$(UV_VERSION)
	@.lock-venv/bin/uv pip compile requirements.in --universal --python-version 3.11 \
		--generate-hashes --quiet --custom-compile-command "make lock" -o requirements.txt
	@rm -rf .lock-venv
	@echo "lock: requirements.txt written (uv $(UV_VERSION)); 'make env' installs it"
	@$(PYTHON) tools/lock_check.py

# Optional, not part of `make test`: the W3C Nu checker (a Java program, npm package vnu-jar,
# fetched once into .tools/) on the published HTML. Needs java and npm on the machine.
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
check-html: report ## W3C Nu checker on build/report.html (optional; needs java and npm)
	@command -v java >/dev/null || { echo "check-html: needs java (the Nu checker is a Java program)"; exit 1; }
	@test -f $(VNU_JAR) || { command -v npm >/dev/null || { echo "check-html: needs npm to fetch vnu-jar $(VNU_VERSION) once"; exit 1; }; \
		npm install --prefix .tools --no-save --no-audit --no-fund --ignore-scripts --silent vnu-jar@$(VNU_VERSION); }
	@java -jar $(VNU_JAR) --errors-only build/report.html && echo "check-html: build/report.html has no errors"

clean: ## remove build outputs (keeps the environment)
	rm -rf build .pytest_cache .ruff_cache
