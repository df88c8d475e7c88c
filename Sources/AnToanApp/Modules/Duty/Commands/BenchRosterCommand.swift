import AnToanCore
import Foundation
import Vapor

/// `antoan roster bench [DIR] [--units N] [--time-limit S]`: solves S, M and L from DIR, then N varied M-size
/// units at once, and prints the table and PASS/FAIL per target (`RosterBenchmark` does the work).
/// ConsoleKit's arguments are always required, so this command reads its own words to make DIR optional.
struct BenchRosterCommand: AnyAsyncCommand {
    static let defaultDirectory = "Benchmarks/roster"

    var help: String { "Solve the benchmark instances S, M, L and 1,000 M-size units; print PASS/FAIL per target" }

    func outputHelp(using context: inout CommandContext) {
        context.console.print(
            "Usage: antoan roster bench [DIR] [--units N] [--time-limit S]   "
                + "(DIR default \(Self.defaultDirectory), N default \(RosterBenchmark.fleetSize), S default 10)"
        )
    }

    func run(using context: inout CommandContext) async throws {
        var words = context.input.arguments[...]
        var directory = Self.defaultDirectory
        var units = RosterBenchmark.fleetSize
        var limit = 10.0
        while let word = words.popFirst() {
            switch word {
            case "--units":
                guard let value = words.popFirst().flatMap({ Int($0) }), (1...100_000).contains(value) else {
                    throw CommandFailed(message: "units: must be 1–100000")
                }
                units = value
            case "--time-limit":
                guard let value = words.popFirst().flatMap({ Double($0) }), (1...3_600).contains(value) else {
                    throw CommandFailed(message: "time-limit: must be 1–3600 seconds")
                }
                limit = value
            case "--help", "-h": return outputHelp(using: &context)
            default: directory = word
            }
        }
        let instances = try ["S", "M", "L"].map { name in (name: name, instance: try Self.load(name, in: directory)) }
        let timeLimit = Duration.milliseconds(Int(limit * 1_000))
        let result = try RosterBenchmark.run(
            instances,
            fleetBase: instances[1].instance,
            units: units,
            timeLimit: timeLimit,
            parallelism: ProcessInfo.processInfo.activeProcessorCount
        )
        context.console.print(result.lines(timeLimit: timeLimit).joined(separator: "\n"))
        guard result.passed else { throw CommandFailed(message: "roster bench: targets missed") }
    }

    private static func load(_ name: String, in directory: String) throws -> RosterInstance {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailed(message: "\(name): cannot read \(path)")
        }
        do {
            return try RosterJSON.decodeInstance(from: data)
        } catch let error as RosterError {
            throw CommandFailed(message: "\(path): \(error.description)")
        }
    }
}
