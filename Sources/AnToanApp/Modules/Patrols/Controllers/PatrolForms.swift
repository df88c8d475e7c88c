import AnToanCore
import Foundation

/// The patrol forms as a browser posts them (every value a string), read into the services' inputs; what cannot
/// be read is a problem of its field, reported with the service's own.
enum PatrolForms {
    static func route(_ values: [String: String]) -> PatrolRouteInput {
        var checker = FieldChecker()
        return PatrolRouteInput(
            name: values["name"],
            order: values["order"],
            minimumGapMinutes: int("minimum_gap_minutes", values, &checker),
            fastestSpeed: nil,
            scheduleKind: values["schedule_kind"],
            start: values["start"],
            end: values["end"],
            everyMinutes: int("every_minutes", values, &checker),
            rounds: int("rounds", values, &checker),
            windowMinutes: int("window_minutes", values, &checker),
            active: values["active"] != "off",
            problems: checker.errors
        )
    }

    static func checkpoint(_ values: [String: String]) -> PatrolCheckpointInput {
        var checker = FieldChecker()
        var siteID: UUID?
        if let site = values["site"], !site.isEmpty {
            siteID = UUID(uuidString: site)
            if siteID == nil { checker.add("site", .notFound) }
        }
        return PatrolCheckpointInput(
            name: values["name"],
            siteID: siteID,
            instructions: values["instructions"],
            latitude: double("latitude", values, &checker),
            longitude: double("longitude", values, &checker),
            radius: double("radius", values, &checker),
            problems: checker.errors
        )
    }

    /// A whole number, or nil when left empty.
    static func int(_ field: String, _ values: [String: String], _ checker: inout FieldChecker) -> Int? {
        guard let text = values[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let number = Int(text) else {
            checker.add(field, .invalid(vi: "cần một số nguyên", en: "needs a whole number"))
            return nil
        }
        return number
    }

    /// A decimal number (a comma or a point), or nil when left empty.
    static func double(_ field: String, _ values: [String: String], _ checker: inout FieldChecker) -> Double? {
        guard let text = values[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
            checker.add(field, .invalid(vi: "cần một số", en: "needs a number"))
            return nil
        }
        return number
    }
}
