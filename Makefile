# workmix — the two commands of the README, and a few for developers.
# Each target installs what it needs (Debian/Ubuntu: libgit2-dev, pkg-config, git) when missing.

SWIFT ?= swift

.PHONY: deps build release release-strict test lint shape demo bench clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The release build, failing on any warning in workmix's own code, as CI builds it. (Not
## -warnings-as-errors: SwiftPM builds dependencies with -suppress-warnings, and the two conflict.)
release-strict: deps
	@$(SWIFT) build -c release 2>&1 | tee .build-release.log
	@! grep -E "^/.*(Sources|Tests|Plugins)/.*: warning:" .build-release.log | grep -v "/.build/" || { echo "warnings above: CI builds without any"; exit 1; }

## Runs the whole test suite (XCTest; the suite has no Swift Testing tests, whose empty run would
## otherwise print the last line: "Test run with 0 tests").
test: deps
	$(SWIFT) test --disable-swift-testing

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

clean:
	rm -rf .build
