import Foundation

/// How a shift's check-in is judged. Check-in opens `opensBefore` before the shift starts and stays open
/// until it ends; up to `grace` after the start it is on time, after that late. A shift under way with no
/// check-in past its grace is missing; one that ended with none is an absence.
public struct AttendanceRule: Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case onTime = "on_time"
        case late
        /// Not checked in, and not yet due.
        case expected
        /// Not checked in past the grace, the shift still under way.
        case missing
        /// The shift ended with no check-in.
        case absent
    }

    public var opensBefore: TimeInterval
    public var grace: TimeInterval

    public init(opensBefore: TimeInterval = 3_600, grace: TimeInterval = 900) {
        self.opensBefore = opensBefore
        self.grace = grace
    }

    public static let standard = AttendanceRule()

    /// Whether someone on the shift from `start` to `end` may check in at `at`.
    public func accepts(start: Date, end: Date, at: Date) -> Bool {
        start.addingTimeInterval(-opensBefore) <= at && at < end
    }

    /// The status of a shift from `start` to `end` at `at`, given when (if ever) its officer checked in.
    public func status(start: Date, end: Date, checkedInAt: Date?, at: Date) -> Status {
        if let checkedInAt { return checkedInAt <= start.addingTimeInterval(grace) ? .onTime : .late }
        if at <= start.addingTimeInterval(grace) { return .expected }
        return at < end ? .missing : .absent
    }
}
