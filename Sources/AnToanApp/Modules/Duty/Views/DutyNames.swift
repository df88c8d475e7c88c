import AnToanCore
import Foundation

/// The words a person reads for a unit's posts and shifts ("Bốt gác phía sau", "Ca đêm 19:00–07:00"), never the
/// ids the set-up keys them by; read from the unit's set-up once per page.
struct DutyNames: Sendable {
    var posts: [DutyPost]

    /// The post's name; a post saved without one is named by its place in the set-up ("Chốt số 2").
    func post(_ id: String, _ lang: Language) -> String {
        guard let index = posts.firstIndex(where: { $0.id == id }) else {
            return lang("Chốt đã bỏ (\(id))", "Removed post (\(id))")
        }
        if let name = posts[index].name, !name.isEmpty { return name }
        return index == 0 ? lang("Chốt chính", "Main post") : lang("Chốt số \(index + 1)", "Post \(index + 1)")
    }

    /// The shift's short name without its hours ("Ca ngày"); a shift without a name is its hours.
    func shortShift(post: String, _ id: String) -> String {
        guard let shift = shift(post: post, id) else { return id }
        return Self.shortName(shift)
    }

    /// "Ca ngày 07:00–19:00": the short name with the hours.
    func shift(post: String, _ id: String, _ lang: Language) -> String {
        guard let shift = shift(post: post, id) else { return lang("ca \(id)", "shift \(id)") }
        let short = Self.shortName(shift)
        let hours = Self.hours(shift)
        return short == hours ? hours : "\(short) \(hours)"
    }

    /// "Bốt gác phía sau · Ca đêm 19:00–07:00".
    func seat(post: String, shift: String, _ lang: Language) -> String {
        "\(self.post(post, lang)) · \(self.shift(post: post, shift, lang))"
    }

    func shift(post: String, _ id: String) -> DutyShift? {
        posts.first { $0.id == post }?.pattern.shifts.first { $0.id == id }
    }

    /// "Ca ngày (07:00–19:00)" → "Ca ngày"; a name that is only hours stays as it is.
    static func shortName(_ shift: DutyShift) -> String {
        guard var name = shift.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return hours(shift) }
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let head = name[..<open].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { name = head }
        }
        return name
    }

    /// "19:00–07:00".
    static func hours(_ shift: DutyShift) -> String {
        let end = ((shift.startMinute ?? 0) + Int((shift.hours * 60).rounded())) % 1440
        return shift.start + "–" + String(format: "%02d:%02d", end / 60, end % 60)
    }
}
