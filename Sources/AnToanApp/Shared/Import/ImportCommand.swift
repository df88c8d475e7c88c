import AnToanCore
import Foundation
import Vapor

/// `antoan import KIND FILE [--dry-run] --username NAME`: checks or imports a spreadsheet as that account,
/// printing progress every 1,000 rows and every problem; exits with 1 when there is any problem.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "areas, units, staff, memberships or another registered import kind")
        var kind: String
        @Argument(name: "file", help: "An .xlsx or .csv file laid out as the template")
        var file: String
        @Flag(name: "dry-run", help: "Check every row and write nothing")
        var dryRun: Bool
        @Option(name: "username", help: "The account the import is made as (its scope applies)")
        var username: String?
    }

    var help: String { "Import areas, units, staff, force membership… from a spreadsheet (all rows or none)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let user = try await User.find(username: signature.username ?? "", on: app.db), user.isActive else {
            throw CommandFailed(message: "username: no such active account")
        }
        let principal = Principal(
            id: try user.requireID(),
            username: user.username,
            displayName: user.displayName,
            role: user.roleValue,
            scope: user.scope,
            language: Language(rawValue: user.language),
            sessionID: nil
        )
        let lang = principal.language ?? .vi
        let sheet: ImportSheet
        do {
            let kind = try app.importKinds.parse(signature.kind)
            guard principal.can(kind.permission) else { throw AppError.forbidden }
            guard let data = FileManager.default.contents(atPath: signature.file) else {
                throw CommandFailed(message: lang("Không đọc được tệp ", "Cannot read the file ") + signature.file)
            }
            sheet = try ImportSheet.read(data, filename: signature.file, kind: kind)
        } catch let error as AppError {
            throw CommandFailed(message: error.message(lang))
        }
        let console = context.console
        let progress = ImportProgress { phase, done, total in
            guard done % ImportProgress.interval == 0 || done == total else { return }
            console.print(
                phase == .checking
                    ? lang("Đã kiểm tra \(done)/\(total) dòng", "Checked \(done)/\(total) rows")
                    : lang("Đã ghi \(done)/\(total) dòng", "Wrote \(done)/\(total) rows")
            )
        }
        let report = try await ImportService.run(
            sheet,
            by: principal,
            apply: !signature.dryRun,
            app: app,
            progress: progress
        )
        for problem in report.problems {
            console.error(lang("Dòng", "Row") + " \(problem.row), \"\(problem.column)\": \(problem.message(lang))")
        }
        if !report.problems.isEmpty {
            throw CommandFailed(
                message: lang(
                    "\(report.problems.count) lỗi trong \(report.rows) dòng; không ghi dòng nào.",
                    "\(report.problems.count) problems in \(report.rows) rows; nothing was written."
                )
            )
        }
        console.print(
            report.applied
                ? lang(
                    "Đã nhập: \(report.created) mới, \(report.updated) cập nhật.",
                    "Imported: \(report.created) new, \(report.updated) updated."
                )
                : lang(
                    "\(report.rows) dòng, không có lỗi (chưa ghi).",
                    "\(report.rows) rows, no problems (nothing written)."
                )
        )
    }
}
