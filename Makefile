# Two commands matter on a fresh clone: `make run` and `make test`.
# Both create .venv and install the pinned versions (constraints.txt) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
COMPILED := $(VENV)/.compiled
# The answering core's sources: compiled with mypyc (bot/speedups.py) when a C compiler is here.
CORE := $(wildcard bot/core/*.py bot/core/answering/*.py)

.PHONY: run test lint typecheck unit bench loadtest check eval format clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit("Rapporteur needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Compiled again whenever a source changes; without a C compiler the core stays pure Python.
$(COMPILED): $(STAMP) $(CORE)
	$(BIN)/python -m bot.speedups build
	touch $(COMPILED)

run: $(COMPILED)  ## the Discord bot with DISCORD_TOKEN set, else the console chat
	@$(BIN)/rapporteur run

test: lint typecheck unit  ## everything CI runs

lint: $(STAMP)
	$(BIN)/ruff format --check bot tests
	$(BIN)/ruff check bot tests

typecheck: $(STAMP)
	$(BIN)/mypy --strict bot

unit: $(COMPILED)
	$(BIN)/pytest

check: $(COMPILED)  ## validate the knowledge base and print its coverage
	$(BIN)/rapporteur check

eval: $(COMPILED)  ## score the dev questions
	$(BIN)/rapporteur eval tests/eval/dev.yaml

bench: $(COMPILED)  ## engine speed against a naive baseline (ratios, not assertions)
	$(BIN)/rapporteur bench --questions tests/eval/dev.yaml

loadtest: $(COMPILED)  ## the bot under load against the local Discord server
	$(BIN)/python -m tests.e2e.loadtest

format: $(STAMP)
	$(BIN)/ruff format bot tests
	$(BIN)/ruff check --fix bot tests

clean:
	-$(BIN)/python -m bot.speedups clean
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
