import Foundation
import Testing

/// The built `antoan` binary, run as a user would, in a fresh folder.
@Suite("Command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
        var files: [String]
    }

    /// The binary beside the test bundle (both are products of the same build).
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("antoan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/antoan")
    }()

    static func run(_ arguments: [String]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antoan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for name in ["DATABASE_URL", "SQLITE_PATH", "SECRET", "PORT"] { environment[name] = nil }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self),
            files: try FileManager.default.contentsOfDirectory(atPath: folder.path)
        )
    }

    @Test("help and commands without a database leave the current folder as it was")
    func noDatabaseForHelp() throws {
        for arguments in [
            ["--help"], ["roster", "--help"], ["serve", "--help"], ["calendar", "lunar", "2027-02-06"],
        ] {
            let run = try Self.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.errors)")
            #expect(run.files.isEmpty, "\(arguments) made \(run.files)")
        }
        #expect(try Self.run(["--help"]).output.contains("roster"))
    }

    @Test("a command's error is printed once, and the roster time limit says the range it checks")
    func errorsOnce() throws {
        let missing = try Self.run(["roster", "solve", "khong-co.json"])
        #expect(missing.status == 1)
        #expect(missing.errors.components(separatedBy: "cannot read khong-co.json").count == 2, "\(missing.errors)")
        let instance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/roster/S.json").path
        let zero = try Self.run(["roster", "solve", instance, "--time-limit", "0"])
        #expect(zero.status == 1)
        #expect(zero.errors == "time-limit: must be 1–3600 seconds\n")
        let one = try Self.run(["roster", "solve", instance, "--time-limit", "1"])
        #expect(one.status == 0, "\(one.errors)")
        #expect(one.output.contains("{"))
    }
}
