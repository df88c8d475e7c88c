/// When a route is walked (PAT-1): "every hour from 22:00 to 05:00", or "3 rounds in the night shift 22:00–06:00".
/// Times are minutes after midnight, Vietnam time; an end before the start runs past midnight into the next day.
public struct PatrolSchedule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A round starts every `everyMinutes` from the start while the span lasts.
        case interval
        /// The span is cut into `rounds` equal windows.
        case rounds
    }

    /// One round to walk: its window, in minutes after the midnight that begins the schedule's day (past 1,440 when
    /// it runs into the next day).
    public struct Round: Equatable, Sendable {
        public let index: Int
        public let start: Int
        public let end: Int
    }

    public enum Problem: Error, Equatable, Sendable {
        case startTime, endTime, interval, roundCount, window
    }

    public var kind: Kind
    public var startMinute: Int
    public var endMinute: Int
    public var everyMinutes: Int?
    public var rounds: Int?
    /// A window shorter than the slot, when a round must be done in its first minutes ("within 30 minutes").
    public var windowMinutes: Int?

    public init(
        kind: Kind,
        startMinute: Int,
        endMinute: Int,
        everyMinutes: Int? = nil,
        rounds: Int? = nil,
        windowMinutes: Int? = nil
    ) {
        self.kind = kind
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.everyMinutes = everyMinutes
        self.rounds = rounds
        self.windowMinutes = windowMinutes
    }

    public static let minutesPerDay = 1_440
    /// No round shorter than this: a guard needs time to walk even a short route.
    public static let shortestSlot = 10
    public static let mostRounds = 48

    /// The minutes the schedule spans; the same start and end mean the whole day.
    public var span: Int {
        let span = (endMinute - startMinute + Self.minutesPerDay) % Self.minutesPerDay
        return span == 0 ? Self.minutesPerDay : span
    }

    /// Every rule broken, field by field, so a form can show them all at once.
    public var problems: [Problem] {
        var problems: [Problem] = []
        if !(0..<Self.minutesPerDay).contains(startMinute) { problems.append(.startTime) }
        if !(0..<Self.minutesPerDay).contains(endMinute) { problems.append(.endTime) }
        switch kind {
        case .interval:
            let every = everyMinutes ?? 0
            if every < Self.shortestSlot || every > span || span / every > Self.mostRounds {
                problems.append(.interval)
            }
        case .rounds:
            let rounds = rounds ?? 0
            if rounds < 1 || rounds > Self.mostRounds || span / rounds < Self.shortestSlot {
                problems.append(.roundCount)
            }
        }
        if let window = windowMinutes, window < Self.shortestSlot || window > slot {
            problems.append(.window)
        }
        return problems
    }

    /// The length of one round's slot.
    var slot: Int {
        switch kind {
        case .interval: max(everyMinutes ?? span, 1)
        case .rounds: span / max(rounds ?? 1, 1)
        }
    }

    /// The day's rounds in order; none when the schedule breaks a rule.
    public var dailyRounds: [Round] {
        guard problems.isEmpty else { return [] }
        let slot = slot
        let count =
            switch kind {
            case .interval: span / slot
            case .rounds: rounds ?? 1
            }
        return (0..<count).map { index in
            let start = startMinute + index * slot
            let end = kind == .rounds && index == count - 1 ? startMinute + span : start + slot
            return Round(index: index, start: start, end: start + min(windowMinutes ?? slot, end - start))
        }
    }
}
