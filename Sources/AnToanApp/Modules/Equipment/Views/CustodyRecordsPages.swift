import AnToanCore
import Foundation
import Plot

/// The training certificates of a unit's staff with the form to add one, and the loss reports with their duties.
enum CustodyRecordsPages {
    struct Certificates {
        var certificates: [EquipmentCertificate]
        var names: [UUID: String]
        var staff: [StaffMember]
        var today: SolarDate
        var canAdd: Bool
        var failed: FormFailure?
    }

    struct Losses {
        var reports: [EquipmentLossReport]
        var canManage: Bool
        var today: SolarDate
        var failed: FormFailure?
        /// The report whose form failed.
        var failedID: UUID?
    }

    static let certificateForm = "certificate"

    static func certificates(_ model: Certificates, _ context: PageContext) -> any Component {
        let lang = context.lang
        let headers = [
            lang("Cán bộ", "Staff"), lang("Loại phương tiện", "For"), lang("Số, nơi cấp", "Number, issuer"),
            lang("Hiệu lực", "Valid"), "",
        ]
        return Div {
            H1(lang("Chứng nhận huấn luyện sử dụng phương tiện", "Equipment training certificates"))
            CustodyLinks(canManage: true, lang: lang)
            if model.certificates.isEmpty {
                Paragraph(lang("Chưa có chứng nhận nào.", "No certificates yet.")).class("muted")
            } else {
                DataTable(headers: headers) {
                    for certificate in model.certificates {
                        El("tr") {
                            TableCell(model.names[certificate.staffID] ?? "").attribute(
                                named: "data-label",
                                value: headers[0]
                            )
                            TableCell(covers(certificate, lang)).attribute(named: "data-label", value: headers[1])
                            TableCell("\(certificate.number), \(certificate.issuer)")
                                .attribute(named: "data-label", value: headers[2])
                            TableCell(validity(certificate, today: model.today, lang))
                                .attribute(named: "data-label", value: headers[3])
                            TableCell {
                                if model.canAdd {
                                    PostForm(
                                        url: .custody(.certificateRemove(certificate.id ?? .placeholder)),
                                        csrf: context.csrf,
                                        class: "inline"
                                    ) {
                                        Button(lang("Xóa", "Remove")).attribute(named: "type", value: "submit")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if model.canAdd { addForm(model, context) }
        }
    }

    static func covers(_ certificate: EquipmentCertificate, _ lang: Language) -> String {
        if let kind = certificate.kindValue { return lang(kind.nameVi, kind.nameEn) }
        return lang(certificate.categoryValue.nameVi, certificate.categoryValue.nameEn)
    }

    static func validity(_ certificate: EquipmentCertificate, today: SolarDate, _ lang: Language) -> String {
        let from = SolarDate(iso: certificate.issuedOn)?.dmy ?? certificate.issuedOn
        guard let until = certificate.validUntil else {
            return lang("Từ \(from), không thời hạn", "From \(from), no end")
        }
        let text = "\(from) – \(SolarDate(iso: until)?.dmy ?? until)"
        return until < today.iso ? text + lang(" (đã hết hạn)", " (expired)") : text
    }

    private static func addForm(_ model: Certificates, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: certificateForm, failed: model.failed, context: context)
        let staff = model.staff.map { (value: ($0.id ?? .placeholder).uuidString.lowercased(), label: $0.fullName) }
        let categories = EquipmentCategory.allCases.map { (value: $0.rawValue, label: lang($0.nameVi, $0.nameEn)) }
        let kinds =
            [(value: "", label: lang("Mọi loại của nhóm", "Any kind of the category"))]
            + EquipmentKind.allCases.filter { $0.category.needsCertificate }.map {
                (value: $0.rawValue, label: lang($0.nameVi, $0.nameEn))
            }
        return form.section(lang("Thêm chứng nhận", "Add a certificate"), url: .custody(.certificates)) {
            form.select("staff_id", lang("Cán bộ", "Staff"), staff)
            form.select("category", lang("Nhóm phương tiện", "Category"), categories, initial: "support_tool")
            form.select("kind", lang("Loại (nếu chỉ một loại)", "Kind (if only one)"), kinds)
            form.text("number", lang("Số chứng nhận", "Number"), max: EquipmentLimits.permitNumber)
            form.text("issuer", lang("Nơi cấp", "Issued by"), max: EquipmentLimits.issuer)
            form.text(
                "issued_on",
                lang("Ngày cấp (dd/MM/yyyy)", "Issued on (dd/MM/yyyy)"),
                max: 10,
                initial: model.today.dmy
            )
            form.text(
                "valid_until",
                lang("Có giá trị đến (dd/MM/yyyy, nếu có)", "Valid until (dd/MM/yyyy, optional)"),
                required: false,
                max: 10
            )
        }
    }

    static func losses(_ model: Losses, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Biên bản mất phương tiện", "Loss reports"))
            CustodyLinks(canManage: model.canManage, lang: lang)
            Paragraph(
                lang(
                    "Mất công cụ hỗ trợ phải báo ngay thủ trưởng và báo cáo bằng văn bản cơ quan Công an đã cấp giấy phép "
                        + "(TT 46/2014 Điều 8.4).",
                    "A lost support tool is reported to the head at once and in writing to the police office that "
                        + "issued the permit (TT 46/2014 Art. 8.4)."
                )
            )
            .class("muted")
            if model.reports.isEmpty {
                Paragraph(lang("Không có biên bản nào chưa xong.", "No open loss report.")).class("muted")
            }
            for report in model.reports { card(report, model, context) }
        }
    }

    private static func card(
        _ report: EquipmentLossReport,
        _ model: Losses,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        let id = report.id ?? .placeholder
        let failed = model.failedID == id ? model.failed : nil
        let form = NamedForm(name: "police-\(id.uuidString.lowercased())", failed: failed, context: context)
        return Div {
            H2(report.itemName + (report.missing > 1 ? " × \(report.missing)" : ""))
            Paragraph(
                lang("Phát hiện thiếu: ", "Found missing: ") + VietnamTime.dateTime(report.foundAt) + ", "
                    + report.foundByName
            )
            if let incidentID = report.incidentID {
                // A paragraph of its own: inline, the link ran into the button beside it on a phone.
                Paragraph { Link(lang("Xem sự việc", "Open the incident"), url: SiteURL.incident(incidentID).path) }
            }
            if let error = failed?.errors.message(for: "duty", lang) {
                Paragraph(error).class("field-error").attribute(named: "role", value: "alert")
            }
            if let told = report.headToldAt {
                Paragraph(
                    lang("Đã báo thủ trưởng: ", "Head told: ") + VietnamTime.dateTime(told) + ", "
                        + (report.headToldBy ?? "")
                )
                .class("status-on_time")
            } else if model.canManage {
                PostForm(url: .custody(.lossHead(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Đã báo thủ trưởng", "Head told")).attribute(named: "type", value: "submit")
                }
            } else {
                Paragraph(lang("Chưa báo thủ trưởng", "Head not yet told")).class("status-missing")
            }
            if let number = report.policeReportNumber {
                Paragraph(
                    lang("Đã báo cáo Công an: văn bản số ", "Reported to the police: report ") + number + ", "
                        + (report.policeReportOn.flatMap { SolarDate(iso: $0)?.dmy } ?? "")
                )
                .class("status-on_time")
            } else if model.canManage {
                form.section(
                    lang("Ghi văn bản báo cáo Công an", "Record the written report"),
                    url: .custody(.lossPolice(id))
                ) {
                    form.text("number", lang("Số văn bản", "Number"), max: EquipmentLimits.permitNumber)
                    form.text(
                        "date",
                        lang("Ngày văn bản (dd/MM/yyyy)", "Date (dd/MM/yyyy)"),
                        max: 10,
                        initial: model.today.dmy
                    )
                }
            } else {
                Paragraph(lang("Chưa báo cáo Công an bằng văn bản", "Not yet reported in writing")).class(
                    "status-missing"
                )
            }
        }
        .class("card")
    }
}
