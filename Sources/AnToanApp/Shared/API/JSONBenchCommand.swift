import AnToanCore
import Foundation
import Vapor

/// `antoan bench-json`: the API's hand-written encoder against Foundation's `JSONEncoder` on the bodies of three
/// endpoints — a page of 50 units, a page of 50 staff, a roster of 31 days — in one process, rounds interleaved.
/// Foundation runs twice: without a key strategy, and as the API used it before (`.convertToSnakeCase`). Without a
/// strategy Foundation writes each key as its `CodingKeys` case gives it, which costs the same whether the enum is
/// synthesised (camelCase) or spelled out in snake_case, so the first column is what explicit snake_case
/// `CodingKeys` would cost, measured on the DTOs themselves. Run it from a release build:
/// `swift run -c release antoan bench-json`.
struct JSONBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rounds", help: "Interleaved rounds (default 15)")
        var rounds: Int?
        @Option(name: "repeat", help: "Encodings of each body per round and encoder (default 200)")
        var repeats: Int?
    }

    var help: String { "Time the API's JSON encoder against Foundation's on a unit page, a staff page and a roster" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let rounds = max(1, signature.rounds ?? 15)
        let repeats = max(1, signature.repeats ?? 200)
        context.console.print("encodings per round: \(repeats), rounds: \(rounds); median µs per body")
        context.console.print(
            "body         hand-written   Foundation+CodingKeys   Foundation+snake   ratio F+keys/hand"
        )
        for body in JSONBenchBodies.all() {
            var times: [[Double]] = [[], [], []]
            for round in 0..<rounds {
                // Each round starts with a different encoder, so that none always runs warm.
                for step in 0..<3 {
                    let which = (round + step) % 3
                    let start = ContinuousClock.now
                    for _ in 0..<repeats { _ = try body.encoders[which]() }
                    let elapsed = ContinuousClock.now - start
                    times[which].append(Self.microseconds(elapsed) / Double(repeats))
                }
            }
            let medians = times.map(Self.median)
            context.console.print(
                body.name.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(
                        format: "%12.1f   %21.1f   %16.1f   %17.2f",
                        medians[0],
                        medians[1],
                        medians[2],
                        medians[1] / medians[0]
                    )
            )
        }
    }

    private static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

/// The three bodies, each with its three encodings.
private struct JSONBenchBodies {
    var name: String
    var encoders: [() throws -> Int]

    static func all() -> [JSONBenchBodies] {
        let units = (0..<50).map { UnitDTO(unitRow($0), weeklyRest: .sunday) }
        let staff = (0..<50).map { StaffDTO(staffRow($0)) }
        let roster = try! RosterDTO(rosterModel(), seats: seats())
        let unitPage = PageDTO(items: units, page: 1, perPage: 50, hasMore: true, total: 812)
        let staffPage = PageDTO(items: staff, page: 1, perPage: 50, hasMore: true, total: 3_406)
        return [
            bench("units page", unitPage),
            bench("staff page", staffPage),
            bench("roster", roster),
        ]
    }

    private static func bench(_ name: String, _ value: some Encodable) -> JSONBenchBodies {
        let keyed = JSONEncoder()
        keyed.dateEncodingStrategy = .iso8601
        let snake = JSONEncoder()
        snake.dateEncodingStrategy = .iso8601
        snake.keyEncodingStrategy = .convertToSnakeCase
        return JSONBenchBodies(
            name: name,
            encoders: [
                { try APIJSONEncoder.bytes(of: value).count },
                { try keyed.encode(value).count },
                { try snake.encode(value).count },
            ]
        )
    }

    private static func unitRow(_ index: Int) -> UnitRow {
        UnitRow(
            id: UUID(),
            code: "DV\(1000 + index)",
            name: "Trường THPT Nguyễn Thị Minh Khai \(index)",
            kind: "school",
            enterpriseSize: nil,
            schoolLevel: "upper_secondary",
            address: "\(index) Điện Biên Phủ, Phường Võ Thị Sáu, Quận 3",
            phone: "0283930\(String(format: "%04d", index))",
            email: index.isMultiple(of: 2) ? "truong\(index)@hcm.edu.vn" : nil,
            headName: "Lê Thị Hồng Nhung",
            flags: "holds_weapons,state_secrets",
            areaID: UUID(),
            areaPath: "/79/26734/",
            parentID: nil
        )
    }

    private static func staffRow(_ index: Int) -> StaffRow {
        StaffRow(
            id: UUID(),
            code: "NV\(index)",
            fullName: "Trần Văn Đức \(index)",
            position: "Bảo vệ",
            unitID: UUID(),
            departmentID: index.isMultiple(of: 3) ? UUID() : nil,
            phone: "0901234\(String(format: "%03d", index))",
            email: nil,
            isLeader: index.isMultiple(of: 10),
            status: "active",
            identityNumber: "079\(String(format: "%09d", index))"
        )
    }

    private static func rosterModel() -> Roster {
        let roster = Roster()
        roster.id = UUID()
        roster.unitID = UUID()
        roster.startDate = "2027-03-01"
        roster.endDate = "2027-03-31"
        roster.status = "published"
        roster.hardViolations = 0
        roster.openSeats = 2
        let load = (0..<12).map {
            RosterStaffLoad(staff: "S\($0)", role: "officer", total: 15, night: 5, weekendHoliday: 4, hours: 180)
        }
        let spread = RosterSpread(values: [4, 5, 6])
        let report = RosterReport(
            fairness: [
                RosterFairness(role: "officer", people: 12, total: spread, night: spread, weekendHoliday: spread)
            ],
            coverage: RosterCoverage(required: 186, filled: 184),
            load: load
        )
        roster.report = String(decoding: try! JSONEncoder().encode(report), as: UTF8.self)
        return roster
    }

    /// 31 days of two 12-hour shifts with a leader and two officers.
    private static func seats() -> [RosterSeatDTO] {
        (1...31).flatMap { day in
            let date = String(format: "2027-03-%02d", day)
            return ["D", "N"].flatMap { shift in
                ["leader", "officer", "officer"].map { role in
                    RosterSeatDTO(
                        day: DayDTO(date),
                        shift: shift,
                        post: "Cổng chính",
                        role: role,
                        staffId: UUID(),
                        staffName: "Nguyễn Văn An",
                        startsAt: Date(timeIntervalSince1970: 1_803_000_000 + Double(day) * 86_400),
                        endsAt: Date(timeIntervalSince1970: 1_803_043_200 + Double(day) * 86_400),
                        id: UUID()
                    )
                }
            }
        }
    }
}
