import AnToanCore
import Foundation
import Plot

/// The PC02 "Biên bản tự kiểm tra về phòng cháy, chữa cháy" (NĐ 105/2025, Phụ lục VIII) of a period, built from the
/// checks of the unit's fire equipment: time, inspectors, places inspected, results and deficiencies by equipment
/// group, the corrective actions as recommendations, signatures. A page of its own, A4, like the gate's books.
enum PC02Print {
    struct Model {
        var unitName: String
        var place: String
        var period: BookPeriod
        var checks: [UpkeepQueries.PeriodCheck]
        var actions: [CorrectiveAction]
    }

    struct Group {
        var kind: EquipmentKind
        var checks: Int
        var passed: Int
        var deficiencies: [String]
    }

    /// The checks by kind, in the kinds' order, each with its failed points by item.
    static func groups(_ checks: [UpkeepQueries.PeriodCheck]) -> [Group] {
        var groups: [EquipmentKind: Group] = [:]
        for entry in checks {
            let kind = entry.item.kindValue
            var group = groups[kind] ?? Group(kind: kind, checks: 0, passed: 0, deficiencies: [])
            group.checks += 1
            if entry.check.passed {
                group.passed += 1
            } else {
                let points = UpkeepRules.checklist(for: kind).filter { entry.check.failedKeys.contains($0.key) }
                group.deficiencies.append(
                    "\(entry.item.displayName) (\(entry.check.doneOn.dmy)): "
                        + points.map(\.nameVi).joined(separator: ", ") + " không đạt"
                )
            }
            groups[kind] = group
        }
        return EquipmentKind.allCases.compactMap { groups[$0] }
    }

    static func render(_ model: Model, lang: Language) -> String {
        let inspectors = Array(Set(model.checks.map(\.check.checkerName))).sorted()
        let places = Array(Set(model.checks.map(\.item.place).filter { !$0.isEmpty })).sorted()
        return GatePrintPages.render(
            lang("Biên bản tự kiểm tra PCCC", "Fire safety self-inspection record"),
            lang: lang
        ) {
            Div {
                Button(lang("In", "Print")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về danh sách đến hạn", "Back to what is due"), url: SiteURL.equipmentUpkeep(.list).path)
            }
            .class("no-print")
            GatePrintPages.periodForm(model.period, url: .equipmentUpkeep(.pc02), lang: lang)
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.period.today)
            Paragraph("Mẫu số PC02").class("center")
            H1("BIÊN BẢN TỰ KIỂM TRA VỀ PHÒNG CHÁY, CHỮA CHÁY")
            H2(lang("1. Thời gian kiểm tra", "1. Time"))
            GatePrintPages.periodLine(model.period, lang: lang)
            H2(lang("2. Thành phần kiểm tra", "2. Inspectors"))
            if inspectors.isEmpty {
                Paragraph("…")
            } else {
                El("ul") { for name in inspectors { El("li") { Text(name) } } }
            }
            H2(lang("3. Khu vực, phương tiện được kiểm tra", "3. Areas and equipment inspected"))
            Paragraph(places.isEmpty ? "…" : places.joined(separator: "; "))
            H2(lang("4. Kết quả kiểm tra", "4. Results"))
            results(groups(model.checks), lang)
            H2(lang("5. Kiến nghị", "5. Recommendations"))
            if model.actions.isEmpty {
                Paragraph(lang("Không có tồn tại cần khắc phục.", "No deficiency to put right."))
            } else {
                El("ol") {
                    for action in model.actions {
                        El("li") {
                            Text(
                                action.text + " — " + lang("người thực hiện: ", "owner: ") + action.ownerName + ", "
                                    + lang("hạn ", "by ") + action.deadline.dmy + " ("
                                    + lang(action.statusValue.nameVi, action.statusValue.nameEn).lowercased() + ")"
                            )
                        }
                    }
                }
            }
            Paragraph(
                lang(
                    "Biên bản được lập từ các lượt kiểm tra ghi trên hệ thống trong thời gian trên.",
                    "Drawn up from the checks recorded in the period above."
                )
            )
            .class("muted")
            Div {
                Paragraph("ĐẠI DIỆN ĐOÀN KIỂM TRA")
                Paragraph("NGƯỜI ĐỨNG ĐẦU CƠ SỞ")
            }
            .class("signatures")
        }
    }

    private static func results(_ groups: [Group], _ lang: Language) -> any Component {
        Div {
            El("table", ["id": "pc02-results"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Nhóm phương tiện", "Equipment group"),
                            lang("Số lượt kiểm tra", "Checks"), lang("Đạt", "Passed"), lang("Không đạt", "Failed"),
                            lang("Tồn tại, thiếu sót", "Deficiencies"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, group) in groups.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(lang(group.kind.nameVi, group.kind.nameEn))
                            TableCell(String(group.checks))
                            TableCell(String(group.passed))
                            TableCell(String(group.checks - group.passed))
                            TableCell(group.deficiencies.joined(separator: "; "))
                        }
                    }
                }
            }
            if groups.isEmpty {
                Paragraph(lang("Không có lượt kiểm tra nào trong thời gian này.", "No checks in this period."))
                    .class("center")
            }
        }
    }
}
