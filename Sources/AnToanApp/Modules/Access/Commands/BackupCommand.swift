import Fluent
import Foundation
import SQLKit
import Vapor

/// `antoan backup FILE`: a consistent copy of the SQLite database, safe while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup (must not exist)")
        var file: String
    }

    var help: String { "Back up the SQLite database (PostgreSQL: use pg_dump, see README)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqliteFile = app.appConfig.database else {
            throw CommandFailed(message: "backup works on SQLite; for PostgreSQL use pg_dump (see README)")
        }
        guard !FileManager.default.fileExists(atPath: signature.file) else {
            throw CommandFailed(message: "file: \(signature.file) already exists")
        }
        // VACUUM INTO reads one snapshot of the database, so writers may go on meanwhile.
        try await app.db.sql.raw("VACUUM INTO \(bind: signature.file)").run()
        context.console.print("Backup written to \(signature.file)")
    }
}

/// `antoan restore FILE`: puts a backup back in place of the SQLite database. Stop the server first.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by `antoan backup`")
        var file: String
    }

    var help: String { "Restore the SQLite database from a backup (stop the server first)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard case .sqliteFile(let path) = context.application.appConfig.database else {
            throw CommandFailed(message: "restore works on SQLite; for PostgreSQL use pg_restore (see README)")
        }
        let header = FileManager.default.contents(atPath: signature.file)?.prefix(16)
        guard let header, header == Data("SQLite format 3\0".utf8) else {
            throw CommandFailed(message: "file: \(signature.file) is not an SQLite database")
        }
        let files = FileManager.default
        let staging = path + ".restoring"
        try? files.removeItem(atPath: staging)
        try files.copyItem(atPath: signature.file, toPath: staging)
        // The old write-ahead log belongs to the old database; left in place it would be replayed onto the backup.
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
        if files.fileExists(atPath: path) { try files.removeItem(atPath: path) }
        try files.moveItem(atPath: staging, toPath: path)
        context.console.print("Restored \(path) from \(signature.file)")
    }
}
