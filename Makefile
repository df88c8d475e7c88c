# AnToan developer commands. `make test` is the full test run (see scripts/test.sh).
# Extra arguments: make test ARGS="--filter AuditTests"   (passed to swift test)

SWIFT_FORMAT_PATHS = Sources Tests Package.swift

.PHONY: run test bench bench-org bench-roster bench-live bench-patrol bench-equipment format lint

run:
	swift run antoan serve

test:
	bash scripts/test.sh $(ARGS)

bench:
	bash scripts/bench.sh

# Organisation on a province-size dataset, SQLite and PostgreSQL (see scripts/bench-org.sh).
bench-org:
	bash scripts/bench-org.sh

# Live updates: SSE fan-out over two nodes on one PostgreSQL, webhooks, the incident report path (scripts/bench-live.py).
bench-live:
	bash scripts/bench-py.sh live

# Patrols and the gate: scan ingestion, check-in, who is inside, the missed-checkpoint alert, QR (scripts/bench-patrol.py).
bench-patrol:
	bash scripts/bench-py.sh patrol

# Equipment on 3,000 units and 150,000 items: the oversight and a unit's list, the due-date job, an import (scripts/bench-equipment.py).
bench-equipment:
	bash scripts/bench-py.sh equipment

# Roster solver on S, M, L and 1,000 M-size units, PASS/FAIL per target (RosterBenchmark in AnToanCore).
bench-roster:
	swift run -c release antoan roster bench Benchmarks/roster

format:
	swift format -i -r $(SWIFT_FORMAT_PATHS)

lint:
	swift format lint --strict -r $(SWIFT_FORMAT_PATHS)
