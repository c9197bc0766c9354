# Set-up is part of every command: a fresh machine needs only `make serve` or `make test`.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# ProperDocs, the continuation of MkDocs 1.x, in a virtualenv of its own: tests/test_engines.py builds the site
# with both and compares the pages. Installing it never changes .venv's mkdocs.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
NODE_STAMP := node_modules/.installed
# BOUWPROGRAMMA=properdocs (make publish BOUWPROGRAMMA=properdocs): build with ProperDocs instead of MkDocs 1.6
# (scripts/engine.py); its virtualenv is made first.
ENGINE_STAMP := $(if $(filter properdocs,$(BOUWPROGRAMMA)),$(PROPERDOCS_STAMP))
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build publish release browser lock taal calibrate ronde-export ronde-import properdocs zensical-proef

# Preview on http://127.0.0.1:8000: rebuilt on every change, never touches site/ (scripts/preview.py).
serve: $(STAMP) $(ENGINE_STAMP)
	@$(BIN)/python scripts/preview.py --port 8000

test: $(STAMP) $(PROPERDOCS_STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

# Same as publish: build elsewhere first, replace site/ only when everything is right.
build: $(STAMP) $(ENGINE_STAMP)
	@$(BIN)/python scripts/publish.py

publish: $(STAMP) $(ENGINE_STAMP)
	@$(BIN)/python scripts/publish.py

# The same site built with ProperDocs instead of MkDocs 1.6, into build/properdocs/ (site/ stays as it is).
properdocs: $(PROPERDOCS_STAMP)
	@$(PROPERDOCS_VENV)/bin/properdocs build --strict -f mkdocs.yml --site-dir build/properdocs

# A trial build with Zensical (the Material team's successor) in .venv-zensical; writes benchmarks/zensical.md.
# A report, not a gate: not part of `make test`.
zensical-proef: $(STAMP)
	@$(BIN)/python scripts/zensical_proef.py

# A reporting moment as a new version beside the earlier ones, in publicatie/, tagged stand-<date> in git
# (scripts/release.py). PEILDATUM: empty = the date of the newest progress report. TITEL: empty = "Stand juni 2026".
release: $(STAMP) $(ENGINE_STAMP) browser
	@$(BIN)/python scripts/release.py $${PEILDATUM:+--peildatum "$$PEILDATUM"} $${TITEL:+--titel "$$TITEL"} \
		$${PROEF:+--proef}

# Plain-language check of every summary; `make taal PAD=docs/bewind/index.md` for one file.
PAD ?= docs data/plannen
taal: $(STAMP)
	@$(BIN)/python -m plain_language $(PAD)

calibrate: $(STAMP)
	$(BIN)/python scripts/calibrate_b1.py

# Progress round: `make ronde-export PLAN=bewind` writes uitvoer/voortgangsronde-<plan>-<date>.xlsx and .csv
# (date: PEILDATUM, else the build's reference date). `make ronde-import PLAN=bewind BESTAND=... PEILDATUM=...
# TITEL=... BRON=...` turns the filled-in sheet into a new report; optional BRON_NUMMER, BRON_DATUM, BRON_LINK.
# Values are read from the environment ($$VAR), so titles with quotes or apostrophes pass unchanged.
ronde-export: $(STAMP)
	@$(BIN)/python scripts/voortgangsronde.py export "$$PLAN" --map uitvoer

ronde-import: $(STAMP)
	@$(BIN)/python scripts/voortgangsronde.py import "$$PLAN" "$$BESTAND" --peildatum "$$PEILDATUM" \
		--titel "$$TITEL" --bron-titel "$$BRON" \
		$${BRON_NUMMER:+--bron-nummer "$$BRON_NUMMER"} $${BRON_DATUM:+--bron-datum "$$BRON_DATUM"} \
		$${BRON_LINK:+--bron-link "$$BRON_LINK"}

# First run only: a few minutes of installing, announced in Dutch instead of silence.
$(STAMP): requirements.lock
	@python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "Nodig: Python 3.11 of nieuwer met de module venv (Debian: apt-get install python3-venv)." >&2; exit 1; }
	@echo "Python-pakketten installeren (eenmalig, ± 1-2 min)…"
	@python3 -m venv $(VENV)
	@$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@
	@echo "Python-pakketten staan klaar."

# The same pinned packages as .venv, plus ProperDocs (requirements-properdocs.lock).
$(PROPERDOCS_STAMP): requirements.lock requirements-properdocs.lock
	@echo "ProperDocs installeren in $(PROPERDOCS_VENV) (eenmalig, ± ½ min)…"
	@python3 -m venv $(PROPERDOCS_VENV)
	@$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock \
		-r requirements-properdocs.lock
	@touch $@

# Test tools from npm, pinned by package-lock.json: axe-core, Lighthouse, Pagefind. None downloads a browser.
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Nodig voor de tests: Node.js 20 met npm (zie de README)." >&2; exit 1; }
	@echo "Testhulpmiddelen uit npm installeren (eenmalig, ± ½ min)…"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Browser tests use Debian's Chromium; nothing downloads a browser of its own. tests/test_hosting.py serves a
# release with Debian's nginx as its own child process and a throw-away certificate from openssl. In a container
# the package does not start nginx as a service; on a machine with systemd it does (port 80, if free):
# `systemctl disable --now nginx` if that is not wanted, the tests do not need it.
browser:
	@{ command -v chromium && command -v chromedriver && { command -v nginx || test -x /usr/sbin/nginx; } && \
	   command -v openssl; } >/dev/null 2>&1 || \
		{ echo "Chromium en nginx uit Debian installeren (eenmalig, ± 2 min)…" && apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver nginx openssl >/dev/null; }

# Regenerate the full pin list after changing a dependency in pyproject.toml.
lock:
	rm -rf /tmp/pva-lock && python3 -m venv /tmp/pva-lock
	/tmp/pva-lock/bin/pip install --quiet --disable-pip-version-check .[test]
	/tmp/pva-lock/bin/pip freeze --exclude planpublicatie > requirements.lock
