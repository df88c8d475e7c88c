import Foundation

/// A vehicle's plate as the gate writes it, and the key it is matched by.
///
/// "51a-123.45" is shown as "51A-123.45" (what was typed, in upper case) and matched as "51A12345" (spaces, dots
/// and hyphens dropped), so that "51A 123 45" typed at the way out finds the car that came in.
public enum VehiclePlate {
    /// What is shown: trimmed, inner runs of spaces made one, upper case.
    public static func display(_ typed: String) -> String {
        typed.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    }

    /// What is matched: upper case without spaces, dots or hyphens.
    public static func key(_ typed: String) -> String {
        String(typed.uppercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" })
    }

    /// A plate has 2 to 15 letters and digits (once spaces, dots and hyphens are dropped), a digit among them.
    public static func isPlausible(_ typed: String) -> Bool {
        let key = key(typed)
        return (2...15).contains(key.count) && key.allSatisfy { $0.isLetter || $0.isNumber }
            && key.contains(where: \.isNumber)
    }
}

/// The kinds of vehicle the gate's log tells apart.
public enum VehicleKind: String, CaseIterable, Codable, Sendable {
    case car = "o_to"
    case motorbike = "xe_may"
    case truck = "xe_tai"
    case other = "khac"

    public var nameVi: String {
        switch self {
        case .car: "Ô tô"
        case .motorbike: "Xe máy"
        case .truck: "Xe tải"
        case .other: "Khác"
        }
    }

    public var nameEn: String {
        switch self {
        case .car: "Car"
        case .motorbike: "Motorbike"
        case .truck: "Truck"
        case .other: "Other"
        }
    }
}

/// One line of a goods release note: what, how many, in which unit of measure.
public struct GoodsItem: Equatable, Sendable {
    public var description: String
    /// As written, with a comma for the decimal mark ("2", "2,5").
    public var quantity: String
    /// "chiếc", "thùng", "kg" …; may be empty.
    public var unit: String

    public init(description: String, quantity: String, unit: String) {
        self.description = description
        self.quantity = quantity
        self.unit = unit
    }

    /// The line as stored and typed: "Máy tính xách tay Dell | 2 | chiếc".
    public var line: String { [description, quantity, unit].joined(separator: " | ") }

    /// Why a list of items cannot be read, in both languages.
    public struct Problem: Error, Equatable, Sendable {
        public let vi: String
        public let en: String
    }

    public static let maxItems = 50
    public static let maxDescription = 200
    public static let maxUnit = 20

    /// Items typed one a line as "description | quantity | unit"; the quantity (1 when left out) and the unit are
    /// optional. Blank lines are skipped.
    public static func parse(_ text: String) -> Result<[GoodsItem], Problem> {
        var items: [GoodsItem] = []
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, raw) in lines.enumerated() {
            let parts = raw.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingWhitespace() }
            guard parts.contains(where: { !$0.isEmpty }) else { continue }
            let number = index + 1
            guard parts.count <= 3 else {
                return .failure(
                    Problem(
                        vi: "dòng \(number): tối đa 3 phần \"mô tả | số lượng | đơn vị tính\"",
                        en: "line \(number): at most 3 parts \"description | quantity | unit\""
                    )
                )
            }
            let item = check(
                description: parts[0],
                quantity: parts.count > 1 ? parts[1] : "",
                unit: parts.count > 2 ? parts[2] : ""
            )
            switch item {
            case .success(let item): items.append(item)
            case .failure(let problem):
                return .failure(Problem(vi: "dòng \(number): " + problem.vi, en: "line \(number): " + problem.en))
            }
        }
        guard !items.isEmpty else {
            return .failure(Problem(vi: "cần ít nhất một mặt hàng", en: "needs at least one item"))
        }
        guard items.count <= maxItems else {
            return .failure(Problem(vi: "tối đa \(maxItems) mặt hàng", en: "at most \(maxItems) items"))
        }
        return .success(items)
    }

    /// One item's parts checked: a description, a quantity above zero (1 when empty), a short unit.
    public static func check(description: String, quantity: String, unit: String) -> Result<GoodsItem, Problem> {
        let description = description.trimmingWhitespace()
        let unit = unit.trimmingWhitespace()
        guard !description.isEmpty else {
            return .failure(Problem(vi: "thiếu mô tả hàng", en: "the description is missing"))
        }
        guard description.count <= maxDescription, unit.count <= maxUnit else {
            return .failure(
                Problem(
                    vi: "mô tả tối đa \(maxDescription) ký tự, đơn vị tính tối đa \(maxUnit)",
                    en: "a description has at most \(maxDescription) characters, a unit \(maxUnit)"
                )
            )
        }
        guard !description.contains("|"), !unit.contains("|") else {
            return .failure(Problem(vi: "không dùng dấu | trong mô tả", en: "no | in a description"))
        }
        guard let amount = quantityValue(quantity) else {
            return .failure(
                Problem(
                    vi: "số lượng phải là số lớn hơn 0 (ví dụ 2 hoặc 2,5)",
                    en: "the quantity must be a number above 0 (e.g. 2 or 2.5)"
                )
            )
        }
        return .success(GoodsItem(description: description, quantity: amount, unit: unit))
    }

    /// "2", "2,5" or "2.5" as written with a comma; "1" for nothing; nil for what is not a number above zero.
    static func quantityValue(_ text: String) -> String? {
        let text = text.trimmingWhitespace()
        if text.isEmpty { return "1" }
        let normal = text.replacingOccurrences(of: ".", with: ",")
        let parts = normal.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            normal.count <= 12, normal.contains(where: { $0 != "0" && $0 != "," })
        else { return nil }
        return normal
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
