# recdeck: build, install and uninstall.
#
#   make                              release build
#   make install PREFIX=/usr/local    binary, bundled themes, man page (docs/recdeck.1), shell completions
#   make uninstall PREFIX=/usr/local
#   make test                         every test: `swift test`, then the install tier (a release build)
#
# The installed binary finds its themes in PREFIX/share/recdeck/themes (relative to itself).
# DESTDIR is honoured for staged installs; SCRATCH names the build folder (default .build).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build

BUILD := $(SWIFT) build -c release --scratch-path $(SCRATCH)
ROOT := $(DESTDIR)$(PREFIX)

.PHONY: all build install uninstall test

all: build

build:
	$(BUILD) --product recdeck

install: build
	install -d "$(ROOT)/bin" "$(ROOT)/share/recdeck/themes" "$(ROOT)/share/man/man1" \
		"$(ROOT)/share/bash-completion/completions" "$(ROOT)/share/zsh/site-functions" \
		"$(ROOT)/share/fish/vendor_completions.d"
	install -m 755 "$$($(BUILD) --show-bin-path)/recdeck" "$(ROOT)/bin/recdeck"
	install -m 644 themes/*.toml "$(ROOT)/share/recdeck/themes/"
	install -m 644 docs/recdeck.1 "$(ROOT)/share/man/man1/recdeck.1"
	"$(ROOT)/bin/recdeck" --generate-completion-script bash > "$(ROOT)/share/bash-completion/completions/recdeck"
	"$(ROOT)/bin/recdeck" --generate-completion-script zsh > "$(ROOT)/share/zsh/site-functions/_recdeck"
	"$(ROOT)/bin/recdeck" --generate-completion-script fish > "$(ROOT)/share/fish/vendor_completions.d/recdeck.fish"

uninstall:
	rm -f "$(ROOT)/bin/recdeck" "$(ROOT)/share/man/man1/recdeck.1" \
		"$(ROOT)/share/bash-completion/completions/recdeck" "$(ROOT)/share/zsh/site-functions/_recdeck" \
		"$(ROOT)/share/fish/vendor_completions.d/recdeck.fish"
	rm -rf "$(ROOT)/share/recdeck"

# `swift test` runs every tier but `install`; the install tier runs after it, from the same build.
# The tests never read a terminal: standard input is /dev/null (a closed descriptor 0 would be
# handed to the first file a test opens). A run that hangs is ended after TEST_TIMEOUT seconds with
# SIGQUIT, so the Swift runtime prints every thread's backtrace before the run fails.
TEST_TIMEOUT ?= 1200
TIMEOUT := timeout --signal=QUIT --kill-after=60

test:
	$(SWIFT) build --build-tests
	$(TIMEOUT) $(TEST_TIMEOUT) $(SWIFT) test --skip-build < /dev/null
	RECDECK_SLOW_TESTS=1 $(TIMEOUT) 2400 $(SWIFT) test --skip-build --filter InstallTests < /dev/null
