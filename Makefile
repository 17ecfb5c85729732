# The two commands of the README's quick start:
#   make site   verify every snippet in content/ and write the site to site/
#   make test   the unit, end-to-end and browser tests
SWIFT ?= swift

.PHONY: site test check deps browser-deps

deps:
	@scripts/install-deps

browser-deps:
	@scripts/install-deps --browser

site: deps
	$(SWIFT) build --product cheatgen
	"$$($(SWIFT) build --show-bin-path)/cheatgen" build content

check: deps
	$(SWIFT) build --product cheatgen
	"$$($(SWIFT) build --show-bin-path)/cheatgen" check content

# Swift tests first; then the real site of content/ is built into a scratch folder and
# driven in headless Chromium.
test: browser-deps
	$(SWIFT) build --build-tests
	"$$($(SWIFT) build --show-bin-path)/cheatgen" build content --output .build/browser-site
	CHEATGEN_SITE=.build/browser-site CHEATGEN_BIN="$$($(SWIFT) build --show-bin-path)/cheatgen" python3 -m pytest -q Tests/browser
	$(SWIFT) test --skip-build
