# ScaleLab in two commands on a fresh Debian machine:
#   make run    install missing packages, build (release), open the app on the default example
#   make test   install missing packages, build (ci preset), run every test with ctest, then
#               build and run the engine's tests and the fuzz corpus under ASan + UBSan (clang)
# Other targets: make build, make bench, make dev (Debug + ASan/UBSan build of everything and
# all tests), make sanitize (the sanitizer half of make test alone), make fuzz, make clean.

RUN_PRESET  ?= release
TEST_PRESET ?= ci
EXAMPLE     ?= resources/examples/default.scalelab

.PHONY: run test build bench dev sanitize fuzz deps clean

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
	$(MAKE) --no-print-directory sanitize

sanitize: deps
	cmake --preset sanitize
	cmake --build --preset sanitize
	ctest --preset sanitize

# libFuzzer over load, save, reload and a few simulated milliseconds (tests/fuzz).
# FUZZ_RUNS inputs (-1: until stopped); new finds are kept in build/fuzz/corpus.
FUZZ_RUNS ?= 1000000
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	mkdir -p build/fuzz/corpus
	cp -n tests/fuzz/corpus/* build/fuzz/corpus/
	build/fuzz/tests/fuzz/design_fuzzer build/fuzz/corpus resources/examples resources/challenges \
	  -runs=$(FUZZ_RUNS) -artifact_prefix=build/fuzz/ -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1

bench: build
	build/$(RUN_PRESET)/app/scalelab bench

dev: deps
	cmake --preset dev
	cmake --build --preset dev
	QT_QPA_PLATFORM=offscreen ctest --preset dev

clean:
	rm -rf build
