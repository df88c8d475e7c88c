import AnToanCore
import Foundation
import Plot

/// One unit: who it is, its departments, sites and security systems, and its forces.
enum UnitPage {
    struct SiteRow {
        var name: String
        var kind: String
        var systems: [(kind: String, count: Int, status: String, lastCheck: String)]
    }

    struct Model {
        var name: String
        var code: String
        var kind: UnitKind
        var areaName: String
        var address: String
        var phone: String?
        var headName: String?
        var flags: [KeyTargetFlag]
        var inStandard: Bool
        var departments: [String]
        var sites: [SiteRow]
        var staffing: Staffing
        var staffLink: String
        var unitID: UUID
        var canEdit = false
        var siteOptions: [(value: String, label: String)] = []
        var staffOptions: [(value: String, label: String)] = []
        var failed: FormFailure?
        /// Links to the unit's duty posts and rosters (top-level units, readers of rosters).
        var dutyLinks = false
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(model.name)
            if context.principal?.can(.reportIncident) == true {
                Paragraph {
                    Link(
                        lang("Báo cáo vụ việc", "Report an incident"),
                        url: SiteURL.incidentNew(unit: model.unitID).path
                    )
                    .class("button")
                    Text(" ")
                    Link(
                        lang("Vụ việc của đơn vị", "The unit's incidents"),
                        url: SiteURL.incidents.path + "?unit=" + model.unitID.uuidString.lowercased()
                    )
                }
            }
            if model.dutyLinks {
                Paragraph {
                    Link(
                        lang("Chốt trực và ca trực", "Duty posts and shifts"),
                        url: SiteURL.rosterPages(.setup(model.unitID)).path
                    )
                    Text(" · ")
                    Link(lang("Lịch trực", "Rosters"), url: SiteURL.rosterPages(.list(model.unitID)).path)
                    Text(" · ")
                    Link(lang("Ngày nghỉ", "Days off"), url: SiteURL.unitDaysOff(model.unitID).path)
                }
            }
            Div {
                El("dl") {
                    term(lang("Mã", "Code"), model.code)
                    term(lang("Loại", "Kind"), OrganisationLabels.kind(model.kind, lang))
                    term(lang("Địa bàn", "Area"), model.areaName)
                    term(lang("Địa chỉ", "Address"), model.address)
                    term(lang("Điện thoại", "Phone"), model.phone ?? "—")
                    term(lang("Thủ trưởng", "Head"), model.headName ?? "—")
                    term(
                        lang("Trọng điểm", "Key target"),
                        model.flags.isEmpty
                            ? "—" : model.flags.map { OrganisationLabels.flag($0, lang) }.joined(separator: ", ")
                    )
                    term(
                        lang("Tiêu chuẩn \"An toàn về ANTT\"", "\"An toàn\" standard"),
                        model.inStandard
                            ? lang("Thuộc diện đánh giá", "Assessed") : lang("Không thuộc diện", "Outside the standard")
                    )
                }
            }
            .class("card")
            if model.canEdit {
                Paragraph {
                    Link(lang("Sửa thông tin đơn vị", "Edit the unit"), url: SiteURL.unitEdit(model.unitID).path)
                }
            }
            H2(lang("Lực lượng", "Forces"))
            Div {
                Paragraph {
                    Text(
                        lang(
                            "Cán bộ: \(model.staffing.staff), lãnh đạo: \(model.staffing.leaders). ",
                            "Staff: \(model.staffing.staff), leaders: \(model.staffing.leaders). "
                        )
                    )
                    Link(lang("Xem danh sách", "See the list"), url: model.staffLink)
                }
                List(ForceKind.allCases) { force in
                    Text(
                        "\(OrganisationLabels.force(force.rawValue, lang)): \(model.staffing.byForce[force.rawValue] ?? 0)"
                    )
                }
                if !model.staffing.dueSoon.isEmpty {
                    H3(lang("Hết hạn trong 90 ngày (hoặc đã quá hạn)", "Running out within 90 days (or overdue)"))
                    List(model.staffing.dueSoon) { due in
                        Text(
                            "\(due.name) — \(OrganisationLabels.force(due.force, lang)) — \(SolarDate(iso: due.dueDate)?.dmy ?? due.dueDate)"
                        )
                    }
                }
            }
            .class("card")
            if !model.departments.isEmpty {
                H2(lang("Phòng ban", "Departments"))
                List(model.departments)
            }
            H2(lang("Mục tiêu, vị trí và hệ thống an ninh", "Sites and security systems"))
            DataTable(headers: [lang("Vị trí", "Site"), lang("Hệ thống", "Systems")]) {
                for site in model.sites {
                    El("tr") {
                        TableCell {
                            Text(site.name)
                            El("br") {}
                            Span(OrganisationLabels.site(site.kind, lang)).class("muted")
                        }
                        TableCell {
                            for system in site.systems {
                                Paragraph(
                                    "\(OrganisationLabels.system(system.kind, lang)) × \(system.count): "
                                        + "\(OrganisationLabels.status(system.status, lang)) (\(system.lastCheck))"
                                )
                            }
                        }
                    }
                }
            }
            if model.canEdit {
                RegistryForms.unitParts(
                    unitID: model.unitID,
                    sites: model.siteOptions,
                    staff: model.staffOptions,
                    failed: model.failed,
                    context
                )
            }
        }
    }

    private static func term(_ name: String, _ value: String) -> any Component {
        ComponentGroup {
            El("dt") { Text(name) }
            El("dd") { Text(value) }
        }
    }
}
