# The front door. Every target sets up .venv from the lock file first, so a fresh clone needs only `make site`
# or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# From package-lock.json: axe-core, Lighthouse, ESLint and the Nu Html Checker (vnu-jar) for the
# browser tier, and the QR library the programme pages serve (no browser is downloaded)
NODE_STAMP := node_modules/.installed
# qrcode-generator, pinned in package-lock.json, served from the site itself on the programme pages
VENDOR := docs/javascripts/vendor/qrcode.js
# Some machines set PYTHONDONTWRITEBYTECODE; without bytecode caches each test worker compiles
# every module and re-rewrites every test file's asserts (collection takes 6.4 s, not 3.4 s)
unexport PYTHONDONTWRITEBYTECODE

.PHONY: site serve test unit browser check generate lint schemas golden ledger lock clean bench bench-preview drawings new

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

$(VENDOR): $(NODE_STAMP)
	mkdir -p $(dir $@)
	cp node_modules/qrcode-generator/dist/qrcode.js $@

site: $(STAMP) $(VENDOR)  ## generate docs/ from content/ and build the site into site/ (TODAY=YYYY-MM-DD: mark overdue pages)
	$(BIN)/gluteguide build $(if $(TODAY),--today $(TODAY))

serve: $(STAMP) $(VENDOR)  ## live preview on http://127.0.0.1:8000
	$(BIN)/gluteguide serve

check: $(STAMP)  ## validate content/ only; TODAY=YYYY-MM-DD: fail on overdue reviews; BASE=REV: on pages changed since REV whose last_updated stayed
	$(BIN)/gluteguide check $(if $(TODAY),--today $(TODAY)) $(if $(BASE),--base $(BASE))

generate: $(STAMP)  ## write docs/ from content/
	$(BIN)/gluteguide generate

test: unit browser  ## the whole suite: the fast tier, then the browser tier

# Node's packages too: a build writes the service worker with workbox-build.
unit: lint $(NODE_STAMP) $(VENDOR)  ## the fast tier, under a minute: lint, types, imports, and every test that needs no browser
	$(BIN)/python -m pytest -m "not browser and not slow" -n auto --dist loadgroup

browser: $(STAMP) $(NODE_STAMP) $(VENDOR)  ## the browser tier: the built site in Chromium, axe, Lighthouse, links
	$(BIN)/python -m pytest -m "browser or slow or property" --hypothesis-profile=thorough -n auto --dist worksteal

lint: $(STAMP)  ## ruff (lint and format), mypy (strict), and the stages' import contract
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

schemas: $(STAMP)  ## re-export schemas/*.schema.json from the models
	$(BIN)/gluteguide schemas

golden: $(STAMP)  ## refresh the golden Markdown after reviewing a template change
	$(BIN)/python -m tests.golden_refresh

drawings: $(STAMP)  ## the contact sheet: every exercise drawing, rendered to build/drawings/sheet.png with Chromium
	$(BIN)/python -m generator.drawing.contact_sheet --out build/drawings

new: $(STAMP)  ## a new content file to fill in: make new KIND=exercise ID=side-plank
	$(BIN)/gluteguide new $(KIND) $(ID)

ledger: $(STAMP)  ## record new published URLs in urls.txt
	$(BIN)/gluteguide ledger --add

bench: $(STAMP) $(VENDOR)  ## time the generator, mkdocs and the live preview (well over an hour on 2 cores)
	$(BIN)/python -m benchmarks.bench
	$(BIN)/python -m benchmarks.preview
	$(BIN)/python -m benchmarks.programme_weight
	$(BIN)/python -m benchmarks.handout_sheets

bench-preview: $(STAMP) $(VENDOR)  ## only the live preview's edit-to-page latency (about 15 minutes)
	$(BIN)/python -m benchmarks.preview

lock:  ## re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 \
		-o requirements.lock

clean:
	rm -rf site .site-build-* $(VENV) node_modules docs/javascripts/vendor
