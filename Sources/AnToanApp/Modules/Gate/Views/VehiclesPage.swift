import AnToanCore
import Foundation
import Plot

/// The vehicle log at the gate, made for a phone: the check-in form (plate, kind, driver, purpose, the visitor it
/// came with) and the vehicles inside now, each with a check-out button.
enum VehiclesPage {
    struct Model {
        var unitID: UUID?
        var unitName: String
        var canCheckIn: Bool
        /// The visitors inside a vehicle may come with: (visit id, name).
        var visits: [(String, String)]
        var rows: [VehiclePass]
        var unitNames: [UUID: String]
        var failed: FormFailure?
    }

    static let formName = "vehicle"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let outErrors = FormFailure.errors(model.failed, "vehicle-out")
        return Div {
            H1(lang("Xe ra vào", "Vehicles in and out"))
            if !model.unitName.isEmpty { Paragraph(model.unitName).class("muted") }
            GoodsLinks(canSeeGate: true, hasUnit: model.unitID != nil, canManageApprovers: false, lang: lang)
            if let error = outErrors.message(for: "vehicle", lang) {
                Paragraph(lang("Xe", "Vehicle") + ": " + error).class("field-error").attribute(
                    named: "role",
                    value: "alert"
                )
            }
            if model.canCheckIn, let unitID = model.unitID { checkInForm(model, unitID: unitID, context) }
            H2(lang("Xe đang ở trong đơn vị: \(model.rows.count)", "Vehicles inside now: \(model.rows.count)"))
            if model.rows.isEmpty {
                Paragraph(lang("Không có xe nào trong đơn vị.", "No vehicle is inside.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Biển số", "Plate"), lang("Loại xe", "Kind"), lang("Lái xe", "Driver"),
                    lang("Vào lúc", "In at"),
                    "",
                ]) {
                    for pass in model.rows { row(pass, model, context) }
                }
            }
        }
    }

    private static func row(_ pass: VehiclePass, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return El("tr") {
            TableCell {
                El("strong") { Text(pass.plate) }
                if !pass.purpose.isEmpty { Div { Text(pass.purpose) }.class("muted") }
                if model.unitID == nil { Div { Text(model.unitNames[pass.unitID] ?? "") }.class("muted") }
            }
            .attribute(named: "data-label", value: lang("Biển số", "Plate"))
            TableCell(lang(pass.kindValue.nameVi, pass.kindValue.nameEn))
                .attribute(named: "data-label", value: lang("Loại xe", "Kind"))
            TableCell(pass.driverName).attribute(named: "data-label", value: lang("Lái xe", "Driver"))
            TableCell(VietnamTime.dateTime(pass.checkedInAt)).attribute(
                named: "data-label",
                value: lang("Vào lúc", "In at")
            )
            TableCell {
                if model.canCheckIn {
                    PostForm(
                        url: .gateGoods(.vehicleCheckOut(pass.id ?? .placeholder)),
                        csrf: context.csrf,
                        class: "inline"
                    ) {
                        Button(lang("Cho xe ra", "Check out")).attribute(named: "type", value: "submit").class(
                            "secondary"
                        )
                    }
                }
            }
        }
    }

    private static func checkInForm(_ model: Model, unitID: UUID, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let kinds = VehicleKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let visits = [("", lang("— Không —", "— None —"))] + model.visits
        return Div {
            form.section(lang("Cho xe vào", "Check a vehicle in"), url: .gateGoods(.vehicles), open: true) {
                Input(type: .hidden, name: "unit_id", value: unitID.uuidString.lowercased())
                form.text("plate", lang("Biển số (ví dụ 51A-123.45)", "Plate (e.g. 51A-123.45)"), max: GateLimits.plate)
                form.select("kind", lang("Loại xe", "Kind"), kinds, initial: VehicleKind.car.rawValue)
                form.text("driver_name", lang("Họ tên lái xe", "Driver's name"), max: GateLimits.name)
                form.text("purpose", lang("Mục đích", "Purpose"), required: false, max: GateLimits.purpose)
                if model.visits.isEmpty == false {
                    form.select("visit_id", lang("Đi cùng khách", "With the visitor"), visits, initial: "")
                }
            }
        }
        .id("vehicle-check-in")
    }
}
