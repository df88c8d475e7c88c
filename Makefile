# AnToan developer commands. `make test` is the full test run (see scripts/test.sh).
# Extra arguments: make test ARGS="--filter AuditTests"   (passed to swift test)

SWIFT_FORMAT_PATHS = Sources Tests Package.swift

.PHONY: run test bench format lint

run:
	swift run antoan serve

test:
	bash scripts/test.sh $(ARGS)

bench:
	bash scripts/bench.sh

format:
	swift format -i -r $(SWIFT_FORMAT_PATHS)

lint:
	swift format lint --strict -r $(SWIFT_FORMAT_PATHS)
