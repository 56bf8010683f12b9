# Rapport: `make run` builds and opens the app; `make test` runs every test. Both install what is
# missing first (Debian/Ubuntu packages via apt, Rust via rustup, tauri-driver via cargo).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
APP := target/debug/rapport-desktop
TAURI_CLI := npx --yes @tauri-apps/cli@2

.PHONY: run test deps test-deps build lint test-core test-ui test-e2e screenshots bench bundle icons clean

## Build and open the app (its record lives in ~/.local/share/org.rapport.desktop).
run: deps build
	./$(APP)

## Every test: formatting, lints, core and shell tests, and the end-to-end journeys in the real window.
test: test-deps lint test-core test-ui test-e2e

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build:
	cargo build -p rapport-desktop -p rapport

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-core:
	cargo test --workspace --exclude rapport-e2e

# The page's pure modules (search folding) under node's built-in test runner.
test-ui:
	node --test tests/ui/

# The journeys drive the built app under a virtual display; they fail (never skip) when they cannot run.
# They are compiled first, so the timeout (a guard against a hung window) counts only their run.
test-e2e: build
	cargo test -p rapport-e2e --no-run
	timeout 900 xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
		cargo test -p rapport-e2e -- --test-threads=1 --nocapture

## The README's screenshots (docs/screenshots/), taken again by the journeys in the real window.
screenshots:
	RAPPORT_UPDATE_SCREENSHOTS=1 $(MAKE) test-e2e

## Benchmarks on a large record (10 school years x 300 children), release build.
bench: test-deps
	cargo bench -p rapport --bench record
	cargo bench -p rapport --bench packet
	cargo bench -p rapport --bench roster
	cargo bench -p rapport --bench sync
	cargo bench -p rapport --bench whole
	scripts/bench-startup.sh

## A .deb installer in target/release/bundle/deb/ (AppImage, .msi and .dmg come from the release workflow).
bundle: deps
	$(TAURI_CLI) build --bundles deb

## Regenerate every icon size from icons/icon.svg.
icons:
	icons/make-icons.sh

clean:
	cargo clean
