# ScaleLab in two commands on a fresh Debian machine:
#   make run    install missing packages, build (release), open the app on the default example
#   make test   install missing packages, build (ci preset), run every test with ctest
# Other targets: make build, make bench, make dev (Debug + ASan/UBSan build and tests), make clean.

RUN_PRESET  ?= release
TEST_PRESET ?= ci
EXAMPLE     ?= resources/examples/default.scalelab

.PHONY: run test build bench dev deps clean

deps:
	@scripts/install-deps.sh

build/$(RUN_PRESET)/build.ninja: | deps
	cmake --preset $(RUN_PRESET)

build: deps build/$(RUN_PRESET)/build.ninja
	cmake --build --preset $(RUN_PRESET) --target scalelab

run: build
	build/$(RUN_PRESET)/app/scalelab $(EXAMPLE)

test: deps
	cmake --preset $(TEST_PRESET)
	cmake --build --preset $(TEST_PRESET)
	QT_QPA_PLATFORM=offscreen ctest --preset $(TEST_PRESET)

bench: build
	build/$(RUN_PRESET)/app/scalelab bench

dev: deps
	cmake --preset dev
	cmake --build --preset dev
	QT_QPA_PLATFORM=offscreen ctest --preset dev

clean:
	rm -rf build
