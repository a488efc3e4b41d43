# Two set-up commands for a newcomer: `make site` (install everything, build site/ from content/)
# and `make test` (install everything, run the tests). Everything else is optional.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
BENCH_STAMP := bench/node_modules/.package-lock.json

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site preview serve test check bench install browser stats clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(STAMP) $(NODE_STAMP)

site: install
	$(BIN)/explainer build --strict

# The site with drafts: untranslated or fuzzy entries are shown in Arabic, marked, instead of
# failing the build.
preview: install
	$(BIN)/explainer build

serve: install
	$(BIN)/explainer serve

# The CI checks of the built site and the content (links, RTL, pairing, translation, hygiene).
check: site
	$(BIN)/explainer check --strict site

# Benchmark: corpora of 10, 100 and 1,000 articles built (from nothing and after edits), searched in
# chromium and previewed, then Lighthouse on the seed site's article pages; figures in
# bench/results.json (see bench/README.md). Takes about forty minutes, ten of them the one-process
# baseline build at 1,000 articles.
bench: install browser $(BENCH_STAMP)
	$(BIN)/explainer bench run --articles 10,100,1000 --runs 3,3,1
	$(BIN)/explainer build
	$(BIN)/explainer bench lighthouse

$(BENCH_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error

stats: install
	$(BIN)/explainer stats

# Debian's chromium and chromedriver, for the browser tests, and gettext, whose msgfmt the tests
# hold the en.po reader against.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v msgfmt >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver gettext >/dev/null; \
	fi

test: install browser
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .hypothesis .explainer-cache bench/node_modules
