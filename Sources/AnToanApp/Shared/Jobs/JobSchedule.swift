import Foundation

/// When a recurring job runs: every N minutes (at multiples of N minutes since the epoch, so that every node
/// names the same occurrence), or daily at a time in Asia/Ho_Chi_Minh.
enum JobSchedule: Sendable, Hashable {
    case every(minutes: Int)
    case daily(hour: Int, minute: Int)

    /// Stored in `jobs.schedule`: "every 5", "daily 07:30".
    var rawValue: String {
        switch self {
        case .every(let minutes): "every \(minutes)"
        case .daily(let hour, let minute): "daily " + String(format: "%02d:%02d", hour, minute)
        }
    }

    /// The first occurrence strictly after `date`.
    func next(after date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        switch self {
        case .every(let minutes):
            let period = Double(max(1, minutes) * 60)
            return Date(timeIntervalSince1970: ((seconds / period).rounded(.down) + 1) * period)
        case .daily(let hour, let minute):
            let today = VietnamTime.instant(VietnamTime.day(of: date), minutes: hour * 60 + minute)
            return today > date ? today : today.addingTimeInterval(86_400)
        }
    }
}
