import AnToanCore
import Foundation

/// The words of incidents on pages: kinds, severities, stages and timeline entries in the reader's language.
enum IncidentWords {
    static func kind(_ kind: IncidentKind, _ lang: Language) -> String { lang(kind.nameVi, kind.nameEn) }

    static func severity(_ severity: IncidentSeverity, _ lang: Language) -> String {
        lang(severity.nameVi, severity.nameEn)
    }

    static func stage(_ stage: IncidentStage, _ lang: Language) -> String { lang(stage.shortVi, stage.shortEn) }

    /// "123.000.000 đồng": amounts as Vietnamese documents write them.
    static func vnd(_ amount: Int64) -> String {
        let digits = String(amount)
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return groups.joined(separator: ".") + " đồng"
    }

    /// One line of the timeline: what happened, by whom.
    static func entry(_ event: IncidentEvent, _ lang: Language) -> String {
        let stage = event.stage.flatMap(IncidentStage.init(rawValue:))
        switch IncidentEvent.Kind(rawValue: event.kind) {
        case .reported: return lang("Báo cáo vụ việc — \(event.actorName)", "Reported — \(event.actorName)")
        case .acknowledged: return lang("Đã xác nhận — \(event.actorName)", "Acknowledged — \(event.actorName)")
        case .escalated:
            return lang(
                "Chưa ai xác nhận: chuyển lên \(event.actorName) (cấp \(event.note))",
                "Nobody acknowledged: escalated to \(event.actorName) (level \(event.note))"
            )
        case .step:
            let name = stage.map { lang($0.nameVi, $0.nameEn) } ?? ""
            return "\(name) — \(event.actorName)"
        case .skipped:
            let name = stage.map { lang($0.nameVi, $0.nameEn) } ?? ""
            return lang("Bỏ qua bước: \(name) — \(event.actorName)", "Step skipped: \(name) — \(event.actorName)")
        case .note, nil: return event.actorName
        }
    }
}
