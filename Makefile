# The two commands of the README's quick start:
#   make site   verify every snippet in content/ and write the site to site/
#   make test   the unit, end-to-end and browser tests
# and, to use cheatgen anywhere:
#   make install [PREFIX=/usr/local]   a release build in PREFIX/bin, its theme in PREFIX/share/cheatgen
#   make uninstall [PREFIX=…]          removes exactly those
#   make dist                          a relocatable tarball in dist/ (what a release attaches)
SWIFT ?= swift
PREFIX ?= /usr/local
# debug for a quick install (CI's smoke test); release is what people install.
CONFIGURATION ?= release
BINDIR = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/cheatgen
THEME = Sources/CheatgenSite/Resources/theme
BUILD_FLAGS = -c $(CONFIGURATION)
# scripts/install-deps puts the Python tools no distribution packages in this virtual
# environment (never into the system's Python); cheatgen, pytest and the tests find them first.
export PATH := $(CURDIR)/.venv/bin:$(PATH)

.PHONY: site test check deps browser-deps install uninstall dist

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

# The Swift tests, and the real site of content/ built into a scratch folder and driven in
# headless Chromium, at once (scripts/run-tests; the log ends with the Swift tests' summary).
test: browser-deps
	$(SWIFT) build --build-tests
	scripts/run-tests "$$($(SWIFT) build --show-bin-path)"

# The binary finds its theme relative to itself, in ../share/cheatgen/theme, wherever PREFIX is.
install: deps
	$(SWIFT) build $(BUILD_FLAGS) --product cheatgen
	install -d "$(BINDIR)" "$(DATADIR)/theme"
	install -m 755 "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/cheatgen" "$(BINDIR)/cheatgen"
	install -m 644 $(THEME)/* "$(DATADIR)/theme/"
	@echo "installed $(BINDIR)/cheatgen and $(DATADIR)/"

# The files install put, then share/cheatgen's folders if nothing else is in them; bin/ and share/ stay.
uninstall:
	rm -f "$(BINDIR)/cheatgen"
	for file in $(notdir $(wildcard $(THEME)/*)); do rm -f "$(DATADIR)/theme/$$file"; done
	rmdir "$(DATADIR)/theme" "$(DATADIR)" 2>/dev/null || true

# dist/cheatgen-VERSION-linux-ARCH.tar.gz and its .sha256: runs wherever it is unpacked
# (scripts/make-dist says what is inside; scripts/test-dist tries it as a newcomer would).
dist: deps
	CONFIGURATION=$(CONFIGURATION) SWIFT=$(SWIFT) scripts/make-dist
