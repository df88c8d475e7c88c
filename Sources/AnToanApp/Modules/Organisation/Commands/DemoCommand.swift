import AnToanCore
import Foundation
import Vapor

/// `antoan demo`: loads the fictional tỉnh Sơn Hà into an empty database and prints a login per role.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "communes", help: "Communes and wards below the province (default 12)")
        var communes: Int?
        @Option(name: "units", help: "Top-level units (default 40)")
        var units: Int?
        @Option(name: "staff", help: "Staff in all (default 600)")
        var staff: Int?
        @Flag(name: "no-duty", help: "No duty set-ups, holidays, peak period or rosters (none above 100 units anyway)")
        var noDuty: Bool
        @Option(
            name: "equipment",
            help: "Equipment items per unit, with permits and certificates (default 8; 0 for none)"
        )
        var equipment: Int?
    }

    var help: String { "Load a demo province with one account per role (empty database only)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let start = ContinuousClock.now
        let result = try await DemoCommand.load(
            app: app,
            communes: signature.communes ?? 12,
            units: signature.units ?? 40,
            staff: signature.staff ?? 600,
            duty: !signature.noDuty,
            equipment: signature.equipment ?? 8
        )
        context.console.print(DemoCommand.describe(result) + "\nLoaded in \(ContinuousClock.now - start).")
    }

    static func load(
        app: Application,
        communes: Int = 12,
        units: Int = 40,
        staff: Int = 600,
        duty: Bool = true,
        equipment: Int = 0
    ) async throws -> DemoLoader.Result {
        let today = VietnamTime.day(of: app.clock.now())
        let province = DemoGenerator.province(communes: communes, units: units, staff: staff, today: today)
        var result = try await DemoLoader.load(province, app: app)
        // Duty data is made as the demo's accounts, which a province without communes does not get.
        if duty, units <= DemoDuty.maxUnits, !result.logins.isEmpty {
            result.duty = try await DemoDuty.load(app: app)
        }
        if equipment > 0 { result.equipment = try await DemoEquipment.load(perUnit: equipment, app: app) }
        return result
    }

    static func describe(_ result: DemoLoader.Result) -> String {
        var lines = [
            "Demo province loaded: \(result.units) units and departments, \(result.staff) staff.",
            "Đã nạp tỉnh mẫu Sơn Hà. Đăng nhập (mật khẩu chung / shared password: \(result.password)):",
        ]
        for login in result.logins {
            lines.append(
                "  \(login.username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(login.role.nameVi) / \(login.role.nameEn)"
            )
        }
        if let duty = result.duty {
            lines.append(
                "Duty: \(duty.setUp) units set up, \(duty.published) rosters published; left short on purpose: "
                    + duty.short.map { "\($0.code) (\($0.reason))" }.joined(separator: ", ") + "."
            )
        }
        if let equipment = result.equipment {
            lines.append(
                "Equipment: \(equipment.items) items, \(equipment.permits) permits, \(equipment.certificates) training "
                    + "certificates."
            )
        }
        return lines.joined(separator: "\n")
    }
}
