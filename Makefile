# workmix — the two commands of the README, and a few for developers.
# Each target installs what it needs (Debian/Ubuntu: libgit2-dev, pkg-config, git) when missing.

SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=

# The version is written once, in WorkmixVersion.swift; a release is named after it and the machine.
VERSION := $(shell sed -n 's/^ *[a-z]* static let current = "\(.*\)"$$/\1/p' Sources/WorkmixKit/WorkmixVersion.swift)
RELEASE_NAME := workmix-$(VERSION)-linux-$(shell uname -m)
STAGE := .build/dist/$(RELEASE_NAME)
# The release build: Swift's own libraries inside the binary, and libgit2, PCRE2 and SQLite (with what
# they need) from their static archives through the linker scripts and .pc files .ci/static-libs
# writes, so the binary runs on a glibc-based system that has none of them. CI, `make dist` and
# `make install` use it.
STATIC_LIBS := $(CURDIR)/.build/static-libs
RELEASE_ENV := PKG_CONFIG_PATH=$(STATIC_LIBS)/pkgconfig
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker -L$(STATIC_LIBS)
RELEASE_BUILD := $(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS)
MANUAL_TOOL := .build/generate-manual
# What `make install` puts under $(DESTDIR)$(PREFIX), and `make uninstall` removes.
INSTALLED := bin/workmix share/man/man1/workmix.1 share/bash-completion/completions/workmix \
	share/zsh/site-functions/_workmix share/fish/vendor_completions.d/workmix.fish

.PHONY: deps build release release-strict test lint shape demo bench clean stage dist dist-test install uninstall

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build

## The release build (its log in .build: a file written in the package folder would make SwiftPM plan
## the next build afresh). Every target that needs it runs this one recipe, so that the environment
## SwiftPM sees, and so its plan, is the same each time and a second run does nothing.
release: deps
	@bash .ci/static-libs $(STATIC_LIBS)
	@mkdir -p .build
	@bash -o pipefail -c '$(RELEASE_BUILD) 2>&1 | tee .build/release.log'

## The release build, failing on any warning in workmix's own code, as CI builds it. (Not
## -warnings-as-errors: SwiftPM builds dependencies with -suppress-warnings, and the two conflict.)
release-strict: release
	@! grep -E "^/.*(Sources|Tests|Plugins)/.*: warning:" .build/release.log | grep -v "/.build/" || { echo "warnings above: CI builds without any"; exit 1; }

## Runs the whole test suite: the tests' debug build, its XCTest classes TEST_JOBS at once (default:
## the number of cores; .ci/run-tests), and the CLI tests on the release build's binary, which the
## release, dist and install targets share (a debug binary spends most of a short run checking its
## argument parser and parsing the shipped model). Only some classes: make test TESTS="WorkmixCLITests.ScanCommandTests …"
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
TESTS ?=
test: release
	$(SWIFT) build --build-tests
	WORKMIX_TEST_EXECUTABLE=$(CURDIR)/.build/release/workmix bash .ci/run-tests \
		.build/debug/workmixPackageTests.xctest $(TEST_JOBS) $(TESTS)

## Checks the style with swift-format (config: .swift-format; docs/lint.md says why it is set so).
## Reports findings without changing any file; fails while there are any.
lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

## The shape of the code: no file in Sources/ over 300 lines, no function over 60.
shape:
	python3 .ci/shape

## Builds a realistic team history in /tmp/workmix-demo and runs workmix on it.
demo: release
	bash examples/demo.sh

## Times workmix against git log on a repository: make bench REPO=/path/to/repo
bench: release
	bash bench/run.sh $(REPO)

## The release's files, as the tarball and `make install` lay them out: the binary, its completions and
## man page made from the binary itself (swift-argument-parser; the man page by its generate-manual
## tool, built from the checkout SwiftPM keeps, apart from workmix's build), and the README.
stage: release
	@rm -rf $(STAGE)
	@mkdir -p $(STAGE)/bin $(STAGE)/share/man/man1 $(STAGE)/share/bash-completion/completions \
		$(STAGE)/share/zsh/site-functions $(STAGE)/share/fish/vendor_completions.d
	cp .build/release/workmix $(STAGE)/bin/workmix
	strip $(STAGE)/bin/workmix
	$(STAGE)/bin/workmix --generate-completion-script bash >$(STAGE)/share/bash-completion/completions/workmix
	$(STAGE)/bin/workmix --generate-completion-script zsh >$(STAGE)/share/zsh/site-functions/_workmix
	$(STAGE)/bin/workmix --generate-completion-script fish >$(STAGE)/share/fish/vendor_completions.d/workmix.fish
	$(SWIFT) build --package-path .build/checkouts/swift-argument-parser --scratch-path $(MANUAL_TOOL) \
		-c release --product generate-manual
	$(MANUAL_TOOL)/release/generate-manual $(STAGE)/bin/workmix --output-directory $(STAGE)/share/man/man1 \
		--date $$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
	@test -s $(STAGE)/share/man/man1/workmix.1
	cp README.md $(STAGE)/README.md

## dist/workmix-VERSION-linux-ARCH.tar.gz: the release build, for glibc-based Linux (docs/install.md).
dist: stage
	@mkdir -p dist
	tar -C $(dir $(STAGE)) --owner=0 --group=0 --numeric-owner -czf dist/$(RELEASE_NAME).tar.gz $(RELEASE_NAME)
	@echo "dist/$(RELEASE_NAME).tar.gz: $$(du -h dist/$(RELEASE_NAME).tar.gz | cut -f1)"

## Unpacks the tarball in a minimal Debian (debootstrap; root) and runs it there.
dist-test:
	bash .ci/dist-test dist/$(RELEASE_NAME).tar.gz

## Installs the built release under $(DESTDIR)$(PREFIX) (it is built first when there is none).
install:
	@[ -x $(STAGE)/bin/workmix ] || $(MAKE) stage
	@for file in $(INSTALLED); do \
		mode=644; [ $$file = bin/workmix ] && mode=755; \
		echo "install $(DESTDIR)$(PREFIX)/$$file"; \
		install -D -m $$mode $(STAGE)/$$file $(DESTDIR)$(PREFIX)/$$file || exit 1; \
	done

## Removes exactly what `make install` installed.
uninstall:
	@for file in $(INSTALLED); do \
		[ ! -e $(DESTDIR)$(PREFIX)/$$file ] || { echo "rm $(DESTDIR)$(PREFIX)/$$file"; rm -f $(DESTDIR)$(PREFIX)/$$file; }; \
	done

clean:
	rm -rf .build dist
