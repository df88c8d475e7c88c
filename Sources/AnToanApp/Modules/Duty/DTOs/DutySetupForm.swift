import AnToanCore
import Foundation

/// The duty set-up page's form: one block per post — a post set up earlier or a site of the unit — with its
/// pattern (none, 3x8, 2x12, 24h or custom hours) and the leaders and officers of each shift per kind of day.
/// Field names are flat (`p0_pattern`, `p0_s1_weekend_o`) so a plain HTML form can post them.
enum DutySetupForm {
    struct Block: Sendable, Equatable {
        var id: String
        var name: String
        /// The labels of the staffing rows: the saved shifts' names, then "shift n".
        var rows: [String]
    }

    static let kinds: [DayKind] = [.working, .weekend, .holiday, .peak]
    static let maxBlocks = 50
    static let presets: [String: ShiftPattern] = ["3x8": .threeShifts, "2x12": .twoShifts, "24h": .fullDay]

    static func key(_ block: Int, _ field: String) -> String { "p\(block)_\(field)" }

    static func countKey(_ block: Int, row: Int, _ kind: DayKind, leaders: Bool) -> String {
        "p\(block)_s\(row)_\(kind.rawValue)_\(leaders ? "l" : "o")"
    }

    /// Saved posts first, in their order (the first is the main post), then the sites that are not posts yet.
    static func blocks(
        posts: [DutyPost],
        sites: [(code: String, name: String)],
        values: [String: String],
        lang: Language
    ) -> [Block] {
        var blocks = posts.map { Block(id: $0.id, name: $0.name ?? $0.id, rows: []) }
        for site in sites where !posts.contains(where: { $0.id == site.code }) {
            blocks.append(Block(id: site.code, name: site.name, rows: []))
        }
        return blocks.prefix(maxBlocks).enumerated().map { index, block in
            let saved = posts.first { $0.id == block.id }?.pattern.shifts ?? []
            let typed = (values[key(index, "shifts")] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }).count
            let count = min(12, max(3, saved.count, typed))
            var labeled = block
            labeled.rows = (0..<count).map { row in
                row < saved.count ? saved[row].name ?? saved[row].id : lang("Ca thứ \(row + 1)", "Shift \(row + 1)")
            }
            return labeled
        }
    }

    /// The form's values for the saved posts.
    static func values(posts: [DutyPost]) -> [String: String] {
        var values: [String: String] = [:]
        for (index, post) in posts.prefix(maxBlocks).enumerated() {
            values[key(index, "pattern")] = post.pattern.kind.rawValue
            values[key(index, "priority")] = String(post.priority(isMain: index == 0))
            if post.pattern.kind == .custom {
                values[key(index, "shifts")] = post.pattern.shifts.map(hoursText).joined(separator: ", ")
            }
            for (row, shift) in post.pattern.shifts.enumerated() {
                guard let requirement = post.requirements.first(where: { $0.shift == shift.id }) else { continue }
                let counts = [requirement.working, requirement.weekend, requirement.holiday, requirement.peak]
                for (kind, count) in zip(kinds, counts) {
                    guard let count else { continue }
                    values[countKey(index, row: row, kind, leaders: true)] = String(count.leaders)
                    values[countKey(index, row: row, kind, leaders: false)] = String(count.officers)
                }
            }
        }
        return values
    }

    /// Core's posts from the submitted form, checked by `DutySetupInput`; errors carry the form's field names.
    static func posts(from form: [String: String], blocks: [Block], saved: [DutyPost]) throws -> [DutyPost] {
        var checker = FieldChecker()
        var inputs: [DutySetupInput.Post] = []
        var blockOf: [Int] = []
        for (index, block) in blocks.enumerated() {
            let pattern = form[key(index, "pattern")] ?? ""
            guard !pattern.isEmpty else { continue }
            var shifts: [DutyShift]?
            if pattern == "custom" {
                let old = saved.first { $0.id == block.id }?.pattern.shifts ?? []
                shifts = customShifts(form[key(index, "shifts")], reusing: old, field: key(index, "shifts"), &checker)
            }
            let ids = (presets[pattern]?.shifts ?? shifts ?? []).map(\.id)
            let requirements = ids.enumerated().map { row, shift in
                ShiftRequirement(
                    shift: shift,
                    working: count(form, index, row, .working, &checker) ?? .zero,
                    weekend: count(form, index, row, .weekend, &checker),
                    holiday: count(form, index, row, .holiday, &checker),
                    peak: count(form, index, row, .peak, &checker)
                )
            }
            let name = block.name.isEmpty ? nil : block.name
            inputs.append(
                DutySetupInput.Post(
                    id: block.id,
                    name: name,
                    pattern: pattern == "custom" ? nil : pattern,
                    shifts: shifts,
                    requirements: requirements,
                    priority: priority(form, index, &checker)
                )
            )
            blockOf.append(index)
        }
        try checker.check()
        do {
            return try DutySetupInput(posts: inputs).dutyPosts()
        } catch AppError.invalidFields(let errors) {
            // posts[2].shifts → p{block}_shifts
            throw AppError.invalidFields(
                errors.map { error in
                    var renamed = error
                    for (position, block) in blockOf.enumerated() where error.field.hasPrefix("posts[\(position)].") {
                        renamed.field = key(block, String(error.field.dropFirst("posts[\(position)].".count)))
                    }
                    return renamed
                }
            )
        }
    }

    /// The post's priority as chosen (1, 2 or 3); nil when left empty (the default applies).
    private static func priority(_ form: [String: String], _ block: Int, _ checker: inout FieldChecker) -> Int? {
        guard let text = form[key(block, "priority")], !text.isEmpty else { return nil }
        guard let value = Int(text), DutyPost.priorities.contains(value) else {
            checker.add(
                key(block, "priority"),
                .invalid(vi: "chọn cao, thường hoặc thấp", en: "choose high, normal or low")
            )
            return nil
        }
        return value
    }

    /// Leaders and officers of one row and kind; nil when both are left empty (the kind takes the lower one).
    private static func count(
        _ form: [String: String],
        _ block: Int,
        _ row: Int,
        _ kind: DayKind,
        _ checker: inout FieldChecker
    ) -> StaffCount? {
        func number(_ leaders: Bool) -> Int? {
            let field = countKey(block, row: row, kind, leaders: leaders)
            guard let text = form[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text), (0...50).contains(value) else {
                checker.add(field, .invalid(vi: "số từ 0 đến 50", en: "a number from 0 to 50"))
                return nil
            }
            return value
        }
        let leaders = number(true)
        let officers = number(false)
        guard leaders != nil || officers != nil else { return nil }
        return StaffCount(leaders: leaders ?? 0, officers: officers ?? 0)
    }

    /// "06:00-18:00, 18:00-06:00": shifts by their hours; a shift saved with the same hours keeps its id.
    static func customShifts(
        _ text: String?,
        reusing old: [DutyShift],
        field: String,
        _ checker: inout FieldChecker
    ) -> [DutyShift]? {
        let pieces = (text ?? "").split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else {
            checker.add(field, .required)
            return nil
        }
        var shifts: [DutyShift] = []
        for (index, piece) in pieces.enumerated() {
            let ends = piece.split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard ends.count == 2, let start = DutyShift(id: "", start: ends[0], hours: 1).startMinute,
                let end = DutyShift(id: "", start: ends[1], hours: 1).startMinute
            else {
                checker.add(
                    field,
                    .invalid(
                        vi: "ca \"\(piece)\" cần dạng 06:00-18:00",
                        en: "shift \"\(piece)\" needs the form 06:00-18:00"
                    )
                )
                return nil
            }
            let minutes = (end - start + 1440) % 1440
            let hours = Double(minutes == 0 ? 1440 : minutes) / 60
            let reused = old.first { $0.startMinute == start && $0.hours == hours }?.id
            var id = reused ?? "K\(index + 1)"
            while shifts.contains(where: { $0.id == id }) { id += "'" }
            shifts.append(DutyShift(id: id, start: ends[0], hours: hours, name: "\(ends[0])–\(ends[1])"))
        }
        return shifts
    }

    /// "06:00-14:00" of a shift.
    static func hoursText(_ shift: DutyShift) -> String {
        let end = ((shift.startMinute ?? 0) + Int((shift.hours * 60).rounded())) % 1440
        return shift.start + "-" + String(format: "%02d:%02d", end / 60, end % 60)
    }
}
