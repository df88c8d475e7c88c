import Foundation
import Vapor

/// `antoan audit verify|checkpoint|keygen`: check the trail, sign its head, make the signing key.
struct AuditCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["verify": VerifyAuditCommand(), "checkpoint": AuditCheckpointCommand(), "keygen": AuditKeygenCommand()]
    }
    var help: String { "Check the audit trail and sign checkpoints of it" }
}

/// `antoan audit verify [--checkpoints FILE…] [--public-key KEY]`: walks the chain, names the first broken
/// entry, and names a rollback or a rewrite that an earlier signed checkpoint shows.
struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "checkpoints", help: "Checkpoint files (one or more) to hold the trail against")
        var checkpoints: String?
        @Option(name: "public-key", help: "The signing key's public half (default: the configured key's)")
        var publicKey: String?
    }

    var help: String { "Verify the hash chain of the audit trail, and against signed checkpoints" }

    /// ConsoleKit gives an option one value; the files after `--checkpoints` up to the next option are taken here.
    func run(using context: inout CommandContext) async throws {
        var files: [String] = []
        if let flag = context.input.arguments.firstIndex(of: "--checkpoints") {
            var end = context.input.arguments.index(after: flag)
            while end < context.input.arguments.endIndex, !context.input.arguments[end].hasPrefix("-") {
                files.append(context.input.arguments[end])
                end += 1
            }
            context.input.arguments.removeSubrange(flag..<end)
        }
        let signature = try Signature(from: &context.input)
        guard context.input.arguments.isEmpty else {
            throw CommandError.unknownInput(context.input.arguments.joined(separator: " "))
        }
        try await verify(context, files: files, publicKey: signature.publicKey)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await verify(context, files: signature.checkpoints.map { [$0] } ?? [], publicKey: signature.publicKey)
    }

    private func verify(_ context: CommandContext, files: [String], publicKey: String?) async throws {
        let app = context.application
        let trustedKey =
            try publicKey
            ?? AuditSigningKey.load(app.appConfig.auditSigningKey)?.publicKey
            .rawRepresentation.base64EncodedString()
        var checkpoints: [SourcedCheckpoint] = []
        for file in files {
            do {
                checkpoints += try AuditCheckpointFile.read(file)
            } catch let error as AuditCheckpointFileError {
                throw CommandFailed(message: "checkpoints: \(error.message)")
            }
        }
        let result = try await AuditTrail.verify(on: app.db, checkpoints: checkpoints, trustedKey: trustedKey)
        guard case .intact = result else {
            context.console.print(result.message)
            throw CommandFailed(message: "")
        }
        let matched = checkpoints.isEmpty ? "" : ", \(checkpoints.count) signed checkpoints match"
        context.console.print(result.message + matched)
    }
}

/// `antoan audit checkpoint [--out FILE]`: signs the head now, keeps a copy in the database and appends one
/// to FILE (default `AUDIT_CHECKPOINT_FILE`); the line is printed too, to be kept wherever the operator likes.
struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "File to append the checkpoint to (default AUDIT_CHECKPOINT_FILE)")
        var out: String?
    }

    var help: String { "Sign a checkpoint of the audit trail's head" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let checkpoint: AuditCheckpoint
        do {
            checkpoint = try await AuditTrail.checkpoint(app: app)
        } catch let error as AuditCheckpointError {
            throw CommandFailed(message: error.description)
        }
        if let file = signature.out ?? app.appConfig.auditCheckpointFile {
            do {
                try AuditCheckpointFile.append(checkpoint, to: file)
            } catch let error as AuditCheckpointFileError {
                throw CommandFailed(message: "out: \(error.message)")
            }
        }
        context.console.print(checkpoint.jsonLine)
    }
}

/// `antoan audit keygen [--out FILE]`: a new Ed25519 signing key, written to FILE (mode 600) or printed for
/// `AUDIT_SIGNING_KEY`, with its public half for whoever verifies.
struct AuditKeygenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "File to write the private key to (must not exist)")
        var out: String?
    }

    var help: String { "Make a key that signs audit checkpoints; prints its public key" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let key = AuditSigningKey.make()
        if let file = signature.out {
            try AuditSigningKey.write(key.privateKey, to: file)
            context.console.print("Signing key written to \(file): set AUDIT_SIGNING_KEY_FILE=\(file)")
        } else {
            context.console.print("AUDIT_SIGNING_KEY=\(key.privateKey)")
        }
        context.console.print("Public key: \(key.publicKey)")
    }
}
