import Fluent
import Foundation
import SQLKit
import Synchronization
import Testing
import Vapor

@testable import AnToanApp

@Suite("Audit checkpoints")
struct AuditCheckpointTests {
    /// 03/12/2026 18:30 in Vietnam.
    static let now = Date(timeIntervalSince1970: 1_796_297_400)
    static let clock: @Sendable () -> Date = { now }

    @Test("cutting the newest entries and moving the head back is named as a rollback", arguments: Lane.all)
    func rollback(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a key, five changes and a checkpoint of them kept in a file
            let file = try Self.useNewKey(app)
            try await Self.changes(5, app)
            try AuditCheckpointFile.append(try await AuditTrail.checkpoint(app: app), to: file)
            // when: someone with database access points the head at entry 3, leaving entries 4 and 5
            try await app.db.sql.raw(
                "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_entries WHERE seq = 3) WHERE id = 1"
            ).run()
            // then: entries past the head are named even without a checkpoint
            #expect(try await AuditTrail.verify(on: app.db) == .broken(seq: 4, reason: "the head was moved back to #3"))
            // when: and deletes entries 4 and 5 as well
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE seq > 3").run()
            // then: the chain alone looks whole; the checkpoint shows what is missing
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 3))
            let result = try await AuditTrail.verify(on: app.db, checkpoints: AuditCheckpointFile.read(file))
            #expect(result == .rolledBack(checkpointSeq: 5, checkpointAt: "2026-12-03T11:30:00Z", trailEnd: 3))
            #expect(
                result.message
                    == "Audit trail rolled back: checkpoint of 03/12/2026 18:30 names entry 5, the trail ends at 3"
            )
        }
    }

    @Test("rewriting an entry and recomputing every later hash and the head is named as a rewrite", arguments: Lane.all)
    func rewrite(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: checkpoints after entry 3 and after entry 5
            let file = try Self.useNewKey(app)
            try await Self.changes(3, app)
            try AuditCheckpointFile.append(try await AuditTrail.checkpoint(app: app), to: file)
            try await Self.changes(2, app)
            try AuditCheckpointFile.append(try await AuditTrail.checkpoint(app: app), to: file)
            // when: entry 2 gets another actor, and entries 2…5 and the head get hashes that fit again
            let entries = try await AuditEntry.query(on: app.db).sort(\.$seq).all()
            var previousHash = entries[0].hash
            for entry in entries.dropFirst() {
                if entry.seq == 2 { entry.actorName = "nguoi_khac" }
                entry.prevHash = previousHash
                entry.hash = AuditTrail.hash(of: entry)
                previousHash = entry.hash
                try await entry.persist(on: app.db)
            }
            try await app.db.sql.raw("UPDATE audit_head SET hash = \(bind: previousHash) WHERE id = 1").run()
            // then: the earliest checkpoint that no longer fits is named
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 5))
            let result = try await AuditTrail.verify(on: app.db, checkpoints: AuditCheckpointFile.read(file))
            #expect(result == .rewritten(seq: 3, checkpointAt: "2026-12-03T11:30:00Z"))
            #expect(result.message == "Audit trail rewritten at or before entry 3 (checkpoint of 03/12/2026 18:30)")
        }
    }

    @Test("a checkpoint whose content or key does not match its signature is refused", arguments: Lane.all)
    func badSignature(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a good checkpoint of entry 2
            let file = try Self.useNewKey(app)
            try await Self.changes(2, app)
            let good = try await AuditTrail.checkpoint(app: app)
            try AuditCheckpointFile.append(good, to: file)
            #expect(
                try await AuditTrail.verify(on: app.db, checkpoints: AuditCheckpointFile.read(file))
                    == .intact(entries: 2)
            )
            // when: its seq is edited in the file, keeping the signature
            var edited = good
            edited.seq = 1
            let forgedFile = Self.temporaryPath()
            try AuditCheckpointFile.append(good, to: forgedFile)
            try AuditCheckpointFile.append(edited, to: forgedFile)
            // then
            let result = try await AuditTrail.verify(on: app.db, checkpoints: AuditCheckpointFile.read(forgedFile))
            #expect(
                result
                    == .checkpointRefused(
                        source: "\(forgedFile) line 2",
                        reason: "its signature does not match its content"
                    )
            )
            #expect(result.message.hasPrefix("Checkpoint refused: \(forgedFile) line 2"))
            // and: a well-signed checkpoint by another key is refused when the key is pinned
            let stranger = try AuditCheckpoint.sign(seq: 2, hash: good.hash, at: Self.now, key: .init())
            let pinned = try await AuditTrail.verify(
                on: app.db,
                checkpoints: [SourcedCheckpoint(checkpoint: stranger, source: "x line 1")],
                trustedKey: good.publicKey
            )
            guard case .checkpointRefused(_, let reason) = pinned else {
                Issue.record("expected a refusal, got \(pinned)")
                return
            }
            #expect(reason.hasPrefix("it is signed by another key"))
        }
    }

    @Test("entries written while verify walks the trail do not make it fail", arguments: Lane.all)
    func liveVerify(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Self.changes(10, app)
            let admin = try #require(try await User.query(on: app.db).first())
            let adminID = try admin.requireID()
            let done = StopFlag()
            // when: one task keeps writing while the other verifies, one entry per page, ten times
            let results = try await withThrowingTaskGroup(of: [AuditVerification].self) { group in
                group.addTask {
                    var index = 0
                    while !done.isSet {
                        index += 1
                        _ = try await Tokens.create(
                            name: "w\(index)",
                            ownerID: adminID,
                            actor: .system,
                            app: app,
                            on: app.db
                        )
                    }
                    return []
                }
                group.addTask {
                    var results: [AuditVerification] = []
                    for _ in 1...10 { results.append(try await AuditTrail.verify(on: app.db, pageSize: 1)) }
                    done.set()
                    return results
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            // then
            #expect(results.count == 10)
            for result in results {
                guard case .intact(let entries) = result else {
                    Issue.record("\(result.message)")
                    continue
                }
                #expect(entries >= 10)
            }
        }
    }

    @Test("the scheduled step signs the head when it moved and nothing when it did not", arguments: Lane.all)
    func scheduled(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: no key yet
            try await Self.changes(2, app)
            #expect(try await AuditTrail.checkpointIfMoved(app: app) == nil)
            let file = try Self.useNewKey(app)
            app.appConfig.auditCheckpointFile = file
            // when / then: the head moved since the last checkpoint (there is none)
            let first = try await AuditTrail.checkpointIfMoved(app: app)
            #expect(first?.seq == 2)
            // the head stands still: nothing
            #expect(try await AuditTrail.checkpointIfMoved(app: app) == nil)
            #expect(try await AuditCheckpointRecord.query(on: app.db).count() == 1)
            // the head moves again
            try await Self.changes(1, app)
            #expect(try await AuditTrail.checkpointIfMoved(app: app)?.seq == 3)
            #expect(try await AuditCheckpointRecord.query(on: app.db).count() == 2)
            let kept = try AuditCheckpointFile.read(file)
            #expect(kept.map(\.checkpoint.seq) == [2, 3])
            #expect(try await AuditTrail.verify(on: app.db, checkpoints: kept) == .intact(entries: 3))
            // when: entry 3 is cut off and the trail grows past it again
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
            try await app.db.sql.raw(
                "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_entries WHERE seq = 2) WHERE id = 1"
            ).run()
            try await Self.changes(2, app)
            // then: nothing is signed over it
            #expect(try await AuditTrail.checkpointIfMoved(app: app) == nil)
            #expect(try await AuditCheckpointRecord.query(on: app.db).count() == 2)
        }
    }

    @Test("the schedule starts at boot when a key is set and stops at shutdown")
    func scheduleLifecycle() async throws {
        try await withApp(.sqlite) { app in
            let schedule = AuditCheckpointSchedule()
            try await schedule.didBootAsync(app)
            #expect(await schedule.isRunning == false)
            _ = try Self.useNewKey(app)
            try await schedule.didBootAsync(app)
            #expect(await schedule.isRunning)
            await schedule.shutdownAsync(app)
            #expect(await schedule.isRunning == false)
        }
    }

    @Test("keygen, checkpoint and verify --checkpoints with two files, through the command line", arguments: Lane.all)
    func commands(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a key made by keygen, three changes, a checkpoint in each of two files
            let keyFile = Self.temporaryPath()
            let keygen = try await Self.run(app, "keygen", "--out", keyFile)
            #expect(keygen.contains("Public key: "))
            let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            app.appConfig.auditSigningKey = try AppConfig.parse(["AUDIT_SIGNING_KEY_FILE": keyFile]).auditSigningKey
            try await Self.changes(3, app)
            let (first, second) = (Self.temporaryPath(), Self.temporaryPath())
            _ = try await Self.run(app, "checkpoint", "--out", first)
            try await Self.changes(1, app)
            let line = try await Self.run(app, "checkpoint", "--out", second)
            #expect(line.contains(#""seq":4"#))
            #expect(
                try await Self.run(app, "verify", "--checkpoints", first, second)
                    == "Audit trail OK: 4 entries, 2 signed checkpoints match\n"
            )
            // when: entry 4 is cut off
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE seq = 4").run()
            try await app.db.sql.raw(
                "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_entries WHERE seq = 3) WHERE id = 1"
            ).run()
            // then: the command fails naming the rollback
            await #expect(throws: CommandFailed.self) {
                _ = try await Self.run(app, "verify", "--checkpoints", first, second)
            }
            let console = RecordingConsole()
            _ = try? await Self.run(app, "verify", "--checkpoints", first, second, console: console)
            #expect(console.text.contains("names entry 4, the trail ends at 3"))
        }
    }

    @Test("the signing key is read from the environment or a file, and a bad one is named")
    func configuration() throws {
        let key = AuditSigningKey.make()
        #expect(try AppConfig.parse(["AUDIT_SIGNING_KEY": key.privateKey]).auditSigningKey?.count == 32)
        #expect(try AppConfig.parse([:]).auditSigningKey == nil)
        #expect(try AppConfig.parse([:]).auditCheckpointMinutes == 60)
        let error = try #require(
            throws: ConfigError.self,
            performing: {
                try AppConfig.parse([
                    "AUDIT_SIGNING_KEY": "c2hvcnQ=", "AUDIT_CHECKPOINT_MINUTES": "0",
                ])
            }
        )
        #expect(error.description.contains("AUDIT_SIGNING_KEY must be the base64 of a 32-byte key"))
        #expect(error.description.contains("AUDIT_CHECKPOINT_MINUTES must be a number from 1 to 10080"))
        let missing = try #require(
            throws: ConfigError.self,
            performing: { try AppConfig.parse(["AUDIT_SIGNING_KEY_FILE": "/nonexistent/key"]) }
        )
        #expect(missing.description.contains("AUDIT_SIGNING_KEY_FILE cannot be read (/nonexistent/key)"))
    }

    // MARK: - helpers

    /// Configures a fresh signing key and returns a new, empty checkpoint file's path.
    static func useNewKey(_ app: Application) throws -> String {
        app.appConfig.auditSigningKey = Data(base64Encoded: AuditSigningKey.make().privateKey)
        return temporaryPath()
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("antoan-\(UUID().uuidString).jsonl").path
    }

    /// `count` audited changes (API tokens of one administrator).
    static func changes(_ count: Int, _ app: Application) async throws {
        var admin = try await User.query(on: app.db).first()
        if admin == nil {
            admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
        }
        guard let admin else { return }
        for _ in 0..<count { _ = try await Fixtures.token(for: admin, app: app) }
    }

    /// Runs `antoan audit ARGUMENTS…` and returns what it printed.
    static func run(
        _ app: Application,
        _ arguments: String...,
        console: RecordingConsole = RecordingConsole()
    )
        async throws -> String
    {
        var context = CommandContext(console: console, input: CommandInput(arguments: ["antoan"] + arguments))
        context.application = app
        try await console.run(AuditCommand(), with: context)
        return console.text
    }
}

/// A console that keeps what commands print.
final class RecordingConsole: Console {
    private let state = Mutex((text: "", userInfo: [AnySendableHashable: any Sendable]()))

    var text: String { state.withLock { $0.text } }
    var size: (width: Int, height: Int) { (80, 24) }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { state.withLock { $0.userInfo } }
        set { state.withLock { $0.userInfo = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        state.withLock { $0.text += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {
        state.withLock { $0.text += error + (newLine ? "\n" : "") }
    }
}

/// Tells a looping task to stop.
final class StopFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
