import AnToanCore
import Fluent
import Vapor

/// `antoan user create-admin --username NAME`: the scripted way to make an administrator.
struct UserCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create-admin": CreateAdminCommand()] }
    var help: String { "Manage accounts" }
}

struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "The new administrator's username")
        var username: String?
        @Option(name: "display-name", help: "Full name (defaults to the username)")
        var displayName: String?
    }

    var help: String { "Create an administrator; the password comes from ANTOAN_PASSWORD or the first line of stdin" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let password = Environment.get("ANTOAN_PASSWORD") ?? readLine(strippingNewline: true) ?? ""
        let draft = AccountDraft(
            username: signature.username ?? "",
            displayName: signature.displayName,
            role: Role.administrator.rawValue,
            password: password
        )
        let request = Request(application: app, on: app.eventLoopGroup.any())
        do {
            let user = try await Accounts.create(draft, by: nil, on: request)
            context.console.print("Created administrator \(user.username)")
        } catch AppError.invalidFields(let errors) {
            for error in errors { context.console.error("\(error.field): \(error.message(.en))") }
            throw CommandFailed(message: "")
        }
    }
}

/// `antoan token create --username NAME --name LABEL`: prints a new API token for scripts and benchmarks.
struct TokenCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create": CreateTokenCommand()] }
    var help: String { "Manage API tokens" }
}

struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Owner of the token")
        var username: String?
        @Option(name: "name", help: "A label for the token")
        var name: String?
    }

    var help: String { "Create an API token and print it (it is shown only once)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let user = try await User.find(username: signature.username ?? "", on: app.db) else {
            context.console.error("username: no such account")
            throw CommandFailed(message: "")
        }
        let (_, raw) = try await Tokens.create(
            name: signature.name ?? "cli",
            ownerID: try user.requireID(),
            actor: .system,
            app: app,
            on: app.db
        )
        context.console.print(raw)
    }
}
