/// A dated public holiday, compensatory day off or commemorative anniversary.
public struct Holiday: Hashable, Sendable, Codable {
    /// Why the day is listed.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Paid day off under Bộ luật Lao động 2019, Điều 112.
        case statutory
        /// Day off replacing a statutory holiday that fell on the weekly rest day (Điều 111.3).
        case compensatory
        /// Day off added to a year's schedule by hand (a decision for that year): not made up on a rest day.
        case custom
        /// Anniversary that drives security peak plans but is not a day off.
        case anniversary
    }

    public let date: SolarDate
    public let nameVi: String
    public let nameEn: String
    public let kind: Kind

    public init(date: SolarDate, nameVi: String, nameEn: String, kind: Kind) {
        self.date = date
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.kind = kind
    }
}
