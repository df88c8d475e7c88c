import Foundation
import Testing

/// Rules of the source tree that keep every module shaped like the first ones.
@Suite("Architecture")
struct ArchitectureTests {
    /// Controllers read through their module's `Queries/` (which take a `Scope`, or a parent found through
    /// one) and write through its services; a model looked up in a handler skips the scope check.
    @Test("no controller queries a model or the database directly")
    func controllersUseScopedQueries() throws {
        // given
        let files = try Self.controllerFiles()
        #expect(files.count > 10, "found only \(files.map(\.lastPathComponent))")
        // when
        var violations: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where Self.queriesDirectly(line) {
                violations.append("\(Self.relative(file)):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        // then
        let advice = "move these into the module's Queries/ (reads, taking the scope) or Services/ (writes):"
        #expect(violations.isEmpty, "\(advice)\n\(violations.joined(separator: "\n"))")
    }

    @Test("the rule catches a model lookup, a raw statement and a write, and lets a query function pass")
    func ruleExamples() {
        #expect(Self.queriesDirectly("let swap = try await RosterSwap.find(id, on: req.db)"))
        #expect(Self.queriesDirectly("let sites = try await Site.query(on: req.db).all()"))
        #expect(Self.queriesDirectly("let rows = try await req.db.sql.raw(\"SELECT 1\").all()"))
        #expect(Self.queriesDirectly("let rows = try await (req.db as! any SQLDatabase).select().all()"))
        #expect(Self.queriesDirectly("try await row.persist(on: req.db)"))
        #expect(Self.queriesDirectly("try await req.db.transaction { db in }"))
        #expect(!Self.queriesDirectly("let unit = try await OrganisationQueries.unit(id, in: scope, on: req.db)"))
        #expect(!Self.queriesDirectly("/// `Site.query(on:)` is what a query function does"))
        #expect(!Self.queriesDirectly("try await RosterService.publish(roster, by: principal, on: req)"))
    }

    /// `Type.query(on:` or `Type.find(` on any type but a `…Queries` enum, SQL by hand, a transaction, or a
    /// model written in place. Comments do not count.
    static func queriesDirectly(_ line: String) -> Bool {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { return false }
        for match in code.matches(of: /(?:^|[^A-Za-z0-9_.])([A-Z][A-Za-z0-9]*)\.(query\(on:|find\()/)
        where !match.output.1.hasSuffix("Queries") {
            return true
        }
        return code.contains(/\.sql(?:$|[^A-Za-z0-9_])|SQLDatabase|\.transaction\s*[({]/)
            || code.contains(/\.(save|create|update|delete|insert|persist|remove)\(on:/)
    }

    /// Every file of `Modules/*/Controllers/`, and every `*Controller*.swift` of `Modules/*/Import/` and of the
    /// shared import engine (`Shared/Import/`).
    static func controllerFiles() throws -> [URL] {
        let modules = sources.appendingPathComponent("AnToanApp/Modules")
        let manager = FileManager.default
        var files: [URL] = []
        let folders =
            try manager.contentsOfDirectory(at: modules, includingPropertiesForKeys: nil)
            + [sources.appendingPathComponent("AnToanApp/Shared")]
        for module in folders {
            for (folder, nameContains) in [("Controllers", ""), ("Import", "Controller")] {
                let directory = module.appendingPathComponent(folder)
                guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: nil) else {
                    continue
                }
                for case let file as URL in enumerator
                where file.pathExtension == "swift"
                    && (nameContains.isEmpty || file.lastPathComponent.contains(nameContains))
                {
                    files.append(file)
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// `Sources/`, found from this file: `Tests/AnToanAppTests/ArchitectureTests.swift`.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func relative(_ file: URL) -> String {
        String(
            file.standardizedFileURL.path.dropFirst(
                sources.deletingLastPathComponent().standardizedFileURL.path.count + 1
            )
        )
    }
}
