import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Who stands the shifts around a moment, for oversight: the leaders on duty, and who has not checked in.
extension DutyOversight {
    /// Who stands the shifts around `at` in each unit: the leaders on duty now, and those on published seats of
    /// each post's shift under way (past the grace) or of the shift before it who never checked in.
    static func watch(
        at: Date,
        today: SolarDate,
        inScope: SQLQueryString,
        on db: any Database
    ) async throws -> [UUID: (leaders: [OnDuty], absent: [Absence])] {
        struct Line {
            var unit: UUID
            var post: String
            var shift: String
            var role: String
            var startsAt: Date
            var endsAt: Date
            var name: String
            var phone: String?
            var checkedIn: Int
        }
        let days = (-2...0).map { today.adding(days: $0).iso }
        let lines = try await db.rows(
            """
            SELECT s.unit_id, s.post, s.shift, s.role, s.starts_at, s.ends_at, st.full_name, st.phone, \
            CASE WHEN EXISTS (SELECT 1 FROM duty_checkins c WHERE c.seat_id = s.id) THEN 1 ELSE 0 END \
            FROM rosters r JOIN units u ON u.id = r.unit_id JOIN roster_seats s ON s.roster_id = r.id \
            JOIN staff st ON st.id = s.staff_id \
            WHERE r.status = 'published' AND \(inScope) AND s.date IN (\(binds: days)) \
            AND s.starts_at <= \(bind: at) AND s.starts_at > \(bind: at.addingTimeInterval(-2 * 86_400)) \
            ORDER BY s.starts_at, st.name_folded
            """
        ) {
            Line(
                unit: try $0.next(),
                post: try $0.next(),
                shift: try $0.next(),
                role: try $0.next(),
                startsAt: try $0.next(),
                endsAt: try $0.next(),
                name: try $0.next(),
                phone: try $0.next(),
                checkedIn: try $0.next()
            )
        }
        // The end of each post's last shift that ended by `at`.
        var lastEnd: [String: Date] = [:]
        for line in lines where line.endsAt <= at {
            let key = "\(line.unit)/\(line.post)"
            lastEnd[key] = max(lastEnd[key] ?? line.endsAt, line.endsAt)
        }
        var result: [UUID: (leaders: [OnDuty], absent: [Absence])] = [:]
        for line in lines {
            let underWay = line.endsAt > at
            var entry = result[line.unit] ?? ([], [])
            if underWay, line.role == "leader" {
                entry.leaders.append(OnDuty(name: line.name, phone: line.phone, post: line.post, shift: line.shift))
            }
            let late = underWay && line.startsAt <= at.addingTimeInterval(-DutyWatch.rule.grace)
            let last = !underWay && lastEnd["\(line.unit)/\(line.post)"] == line.endsAt
            if line.checkedIn == 0, late || last {
                entry.absent.append(
                    Absence(
                        name: line.name,
                        post: line.post,
                        shift: line.shift,
                        role: line.role,
                        startsAt: line.startsAt
                    )
                )
            }
            result[line.unit] = entry
        }
        return result
    }
}
