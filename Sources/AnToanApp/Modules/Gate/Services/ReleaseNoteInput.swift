import AnToanCore
import Foundation

/// A release note as the page's form or the API gives it: raw values, checked by `ReleaseNoteService.draft`.
struct ReleaseNoteInput: Sendable {
    var carrierName: String?
    var carrierDocument: String?
    var vehiclePlate: String?
    /// One item a line: "description | quantity | unit" (the API's list is turned into these lines).
    var items: String?
    var reason: String?
    /// dd/MM/yyyy or yyyy-MM-dd; today when left out.
    var expectedDate: String?
    var problems: [FieldError] = []
}

/// Limits of a release note's and a vehicle pass's fields.
enum GoodsLimits {
    static let document = 24
    static let items = 5_000
    static let reason = 300
    static let refusal = 500
    /// How far ahead a note may be drafted.
    static let daysAhead = 366
}

extension GoodsItem {
    /// A quantity the API sent as a number, written as the form takes it ("2", "2,5").
    static func quantityText(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
        return String(value).replacingOccurrences(of: ".", with: ",")
    }
}
