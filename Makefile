# workmix — the two commands of the README, and a few for developers.
# Each target installs what it needs (Debian/Ubuntu: libgit2-dev, pkg-config, git) when missing.

SWIFT ?= swift

.PHONY: deps build release test lint demo bench clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Runs the whole test suite (XCTest; the suite has no Swift Testing tests, whose empty run would
## otherwise print the last line: "Test run with 0 tests").
test: deps
	$(SWIFT) test --disable-swift-testing

## Checks the style with swift-format (config: .swift-format; docs/lint.md says why it is set so).
## Reports findings without changing any file; fails while there are any.
lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

## Builds a realistic team history in /tmp/workmix-demo and runs workmix on it.
demo: release
	bash examples/demo.sh

## Times workmix against git log on a repository: make bench REPO=/path/to/repo
bench: release
	bash bench/run.sh $(REPO)

clean:
	rm -rf .build
