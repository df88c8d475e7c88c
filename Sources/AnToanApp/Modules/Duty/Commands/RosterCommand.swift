import AnToanCore
import Foundation
import Vapor

/// `antoan roster solve INSTANCE.json [--seed N] [--time-limit S]`: the generator on a documented
/// instance format (Benchmarks/roster/ROSTER-FORMAT.md), so other solvers can be run on the same files.
struct RosterCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["solve": SolveRosterCommand(), "bench": BenchRosterCommand()] }
    var help: String { "Duty rosters" }
}

struct SolveRosterCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "instance", help: "Instance JSON file")
        var instance: String
        @Option(name: "seed", help: "Random seed (default: the instance's seed, else 1)")
        var seed: UInt64?
        @Option(name: "time-limit", help: "Seconds at most, 1–3600 (default 10)")
        var timeLimit: Double?
    }

    var help: String { "Solve a roster instance and print the solution JSON (seed: --seed, else the file's, else 1)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.instance) else {
            throw CommandFailed(message: "instance: cannot read \(signature.instance)")
        }
        let limit = signature.timeLimit ?? 10
        guard (1...3_600).contains(limit) else { throw CommandFailed(message: "time-limit: must be 1–3600 seconds") }
        do {
            let instance = try RosterJSON.decodeInstance(from: data)
            let solution = try RosterSolver.solve(
                instance,
                seed: signature.seed ?? instance.seed ?? 1,
                timeLimit: .milliseconds(Int(limit * 1_000))
            )
            context.console.print(try RosterJSON.encodeString(solution))
        } catch let error as RosterError {
            throw CommandFailed(message: error.description)
        }
    }
}
