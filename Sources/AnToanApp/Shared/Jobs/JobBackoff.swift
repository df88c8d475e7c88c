import Foundation

/// How long a job waits after a failed attempt before the next one.
enum JobBackoff: Sendable {
    /// `base`, twice that, four times… never more than `cap` seconds.
    case exponential(base: TimeInterval, cap: TimeInterval)
    /// The n-th wait is `steps[n-1]`; past the end, the last one again.
    case steps([TimeInterval])

    static let standard = JobBackoff.exponential(base: 30, cap: 3_600)

    /// The wait after attempt number `attempt` (1 for the first) failed.
    func delay(after attempt: Int) -> TimeInterval {
        switch self {
        case .exponential(let base, let cap):
            return min(cap, base * pow(2, Double(max(0, min(attempt - 1, 30)))))
        case .steps(let steps):
            guard let last = steps.last else { return 60 }
            return attempt - 1 < steps.count ? steps[max(0, attempt - 1)] : last
        }
    }
}
