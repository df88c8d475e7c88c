import Foundation

/// Why a calendar conversion failed; `message` gives the Vietnamese and English wording.
public enum CalendarError: Error, Equatable, Sendable {
    /// The date lies outside `LunarCalendar.supportedRange` (or has no valid fields at all).
    case outOfRange
    /// The lunar month number is not 1...12.
    case invalidMonth(Int)
    /// The day does not exist in that lunar month (e.g. the 30th of a 29-day month).
    case invalidDay(day: Int, daysInMonth: Int)
    /// The leap flag was set but the lunar year has no leap month, or its leap month is another one.
    case noSuchLeapMonth(year: Int, month: Int, actualLeapMonth: Int?)

    public var message: (vi: String, en: String) {
        switch self {
        case .outOfRange:
            let range = LunarCalendar.supportedRange
            return (
                "Ngày nằm ngoài phạm vi hỗ trợ (\(range.lowerBound.dmy) – \(range.upperBound.dmy)).",
                "The date is outside the supported range (\(range.lowerBound.iso) to \(range.upperBound.iso))."
            )
        case .invalidMonth(let month):
            return (
                "Tháng âm lịch \(month) không hợp lệ (chỉ từ 1 đến 12).",
                "Lunar month \(month) is invalid (must be 1 to 12)."
            )
        case .invalidDay(let day, let daysInMonth):
            return (
                "Ngày \(day) không tồn tại: tháng âm lịch này chỉ có \(daysInMonth) ngày.",
                "Day \(day) does not exist: this lunar month has only \(daysInMonth) days."
            )
        case .noSuchLeapMonth(let year, let month, let actual):
            let name = LunarDate.canChi(year: year)
            guard let actual else {
                return (
                    "Năm \(name) (\(year)) không có tháng nhuận, nên không có tháng \(month) nhuận.",
                    "Lunar year \(year) has no leap month, so there is no leap month \(month)."
                )
            }
            return (
                "Năm \(name) (\(year)) nhuận tháng \(actual), không phải tháng \(month).",
                "Lunar year \(year) has leap month \(actual), not \(month)."
            )
        }
    }
}

extension CalendarError: LocalizedError {
    public var errorDescription: String? { message.en }
}
