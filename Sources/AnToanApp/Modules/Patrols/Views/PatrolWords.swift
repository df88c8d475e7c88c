import AnToanCore
import Foundation

/// The words of patrols on pages: schedules, orders, round states and scan flags in the reader's language.
enum PatrolWords {
    /// "22:00" from minutes after midnight (past 1,440: the next day's clock).
    static func clock(_ minutes: Int) -> String {
        let minutes = ((minutes % 1_440) + 1_440) % 1_440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// "Mỗi 60 phút, từ 22:00 đến 05:00" / "3 lượt, từ 22:00 đến 06:00".
    static func schedule(_ route: PatrolRoute, _ lang: Language) -> String {
        let span = "\(clock(route.startMinute))–\(clock(route.endMinute))"
        var text =
            switch route.schedule.kind {
            case .interval:
                lang("Mỗi \(route.everyMinutes ?? 0) phút, \(span)", "Every \(route.everyMinutes ?? 0) min, \(span)")
            case .rounds: lang("\(route.rounds ?? 0) lượt, \(span)", "\(route.rounds ?? 0) rounds, \(span)")
            }
        if let window = route.windowMinutes {
            text += lang(", mỗi lượt trong \(window) phút đầu", ", each within its first \(window) min")
        }
        return text
    }

    static func order(_ order: CheckpointOrder, _ lang: Language) -> String {
        switch order {
        case .fixed: lang(order.nameVi, "In the route's order")
        case .free: lang(order.nameVi, "Any order")
        case .random: lang(order.nameVi, "A new random order each round")
        }
    }

    static func status(_ status: PatrolRound.Status, _ lang: Language) -> String {
        switch status {
        case .due: lang("Đang chờ", "Due")
        case .complete: lang("Hoàn thành", "Complete")
        case .incomplete: lang("Thiếu điểm", "Incomplete")
        }
    }

    static func flag(_ flag: PatrolScanFlag, _ lang: Language) -> String {
        let en =
            switch flag {
            case .outsideRadius: "Scanned far from the checkpoint"
            case .tooSoon: "Too soon after the previous checkpoint"
            case .tooFast: "Implausibly fast between checkpoints"
            case .repeated: "Scanned again"
            case .outOfOrder: "Out of order"
            case .late: "After the round's window"
            case .clockSkew: "Phone clock off"
            }
        return lang(flag.nameVi, en)
    }

    static func flags(_ scan: PatrolScan, _ lang: Language) -> String {
        scan.flagValues.map { flag($0, lang) }.joined(separator: "; ")
    }

    /// "22:00–23:00 · 04/12/2026".
    static func window(_ round: PatrolRound) -> String {
        "\(VietnamTime.time(round.startsAt))–\(VietnamTime.time(round.endsAt)) · \(VietnamTime.date(round.startsAt))"
    }

    /// One checkpoint's state in a round: scanned on time, late, missing, or still to do.
    enum CheckpointState: String {
        case onTime = "on_time"
        case late
        case missing
        case pending
    }

    static func state(_ state: CheckpointState, _ lang: Language) -> String {
        switch state {
        case .onTime: lang("Đã quét", "Scanned")
        case .late: lang("Quét trễ", "Late")
        case .missing: lang("Bỏ sót", "Missed")
        case .pending: lang("Chưa quét", "To scan")
        }
    }
}
