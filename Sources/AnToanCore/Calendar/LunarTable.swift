/// One lunar month of the precomputed table: its first solar day (JDN) and its Vietnamese numbering.
struct LunarMonth: Sendable {
    let start: Int
    let length: Int
    let year: Int
    let month: Int
    let isLeap: Bool
}

/// Every lunar month covering the supported range, computed once from the astronomy.
struct LunarTable: Sendable {
    struct Key: Hashable, Sendable {
        let year: Int
        let month: Int
        let isLeap: Bool
    }

    let months: [LunarMonth]
    let index: [Key: Int]
    /// Lunar year → number of its leap month, for years that have one.
    let leapMonths: [Int: Int]

    /// Built on first use; a `static let` is initialised exactly once and thread-safely, and is immutable after.
    static let shared = LunarTable(
        firstCycle: 1899,
        lastCycle: 2199,
        utcOffset: vietnamUTCOffset(localDay:),
        corrections: publishedCorrections
    )

    /// Before 1929 the calendar followed the meridian of Beijing (116°25′ E, local mean time UTC+7:45:40);
    /// from 1929 the Chinese calendar, which Vietnamese tables followed, used UTC+8 (120° E).
    static let utc8FromDay = 2_425_613  // JDN of 1929-01-01
    /// North Vietnam adopted UTC+7 for the calendar from 1968.
    static let utc7FromDay = 2_439_857  // JDN of 1968-01-01
    static let beijingMeanTime = 7 + 45.0 / 60 + 40.0 / 3600

    static func vietnamUTCOffset(localDay: Int) -> Double {
        switch localDay {
        case ..<utc8FromDay: beijingMeanTime
        case ..<utc7FromDay: 8
        default: 7
        }
    }

    /// Local calendar day (JDN) on which lunation `k` begins.
    static func newMoonDay(k: Int, utcOffset: (Int) -> Double) -> Int {
        let jde = Astronomy.newMoon(k: k)
        let ut = jde - Astronomy.deltaTDays(jd: jde)
        let guess = Int((ut + 0.5 + 7.0 / 24).rounded(.down))
        return Int((ut + 0.5 + utcOffset(guess) / 24).rounded(.down))
    }

    /// 30° sector (0...11) of the Sun's apparent longitude at local midnight starting `localDay`.
    static func sunSector(localDay: Int, utcOffset: (Int) -> Double) -> Int {
        let ut = Double(localDay) - 0.5 - utcOffset(localDay) / 24
        let longitude = Astronomy.sunLongitude(jde: ut + Astronomy.deltaTDays(jd: ut))
        return Int(longitude / 30)
    }

    /// Builds months from lunar month 11 of `firstCycle` up to (not including) month 11 of `lastCycle + 1`.
    /// `utcOffset` gives the zone (hours east of UTC) in force on a local day; tests pass UTC+8 for China.
    /// `corrections` replaces computed month starts (JDN) with published ones.
    init(firstCycle: Int, lastCycle: Int, utcOffset: (Int) -> Double, corrections: [Int: Int] = [:]) {
        let firstK = LunarTable.lunation(year: firstCycle, month: 10)
        let lastK = LunarTable.lunation(year: lastCycle + 2, month: 3)
        let starts = (firstK...lastK).map { k in
            let computed = LunarTable.newMoonDay(k: k, utcOffset: utcOffset)
            return corrections[computed] ?? computed
        }
        let sectors = starts.map { LunarTable.sunSector(localDay: $0, utcOffset: utcOffset) }

        // Month 11 is the lunation containing the winter solstice: the last one starting by 31 December
        // unless the Sun had already passed 270° when it began.
        var month11: [Int] = []
        for year in firstCycle...(lastCycle + 1) {
            let yearEnd = SolarDate.julianDay(year: year, month: 12, day: 31)
            var i = (starts.lastIndex { $0 <= yearEnd }) ?? 0
            if sectors[i] >= 9 { i -= 1 }
            month11.append(i)
        }

        var months: [LunarMonth] = []
        var index: [Key: Int] = [:]
        var leapMonths: [Int: Int] = [:]
        for (cycle, year) in (firstCycle...lastCycle).enumerated() {
            let first = month11[cycle]
            let count = month11[cycle + 1] - first
            var leapOffset: Int?
            if count == 13 {
                // The leap month is the first one after month 11 that holds no major solar term,
                // i.e. the Sun is in the same 30° sector at its start and at the next month's start.
                leapOffset = (1..<13).first { sectors[first + $0] == sectors[first + $0 + 1] }
                precondition(leapOffset != nil, "13-month lunar year \(year) without a month lacking a major term")
            }
            var number = 10
            for offset in 0..<count {
                let isLeap = offset == leapOffset
                if !isLeap { number = number % 12 + 1 }
                let lunarYear = number >= 11 ? year : year + 1
                if isLeap { leapMonths[lunarYear] = number }
                let i = first + offset
                index[Key(year: lunarYear, month: number, isLeap: isLeap)] = months.count
                months.append(
                    LunarMonth(
                        start: starts[i],
                        length: starts[i + 1] - starts[i],
                        year: lunarYear,
                        month: number,
                        isLeap: isLeap
                    )
                )
            }
        }
        self.months = months
        self.index = index
        self.leapMonths = leapMonths
    }

    /// Position of the month containing the solar day `julianDay`, if the table covers it.
    func monthIndex(containing julianDay: Int) -> Int? {
        guard let first = months.first, let last = months.last, julianDay >= first.start,
            julianDay < last.start + last.length
        else { return nil }
        var low = 0
        var high = months.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if months[mid].start <= julianDay { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Meeus lunation number whose new moon is closest to the middle of the given month.
    private static func lunation(year: Int, month: Int) -> Int {
        let jd = Double(SolarDate.julianDay(year: year, month: month, day: 15))
        return Int(((jd - Astronomy.newMoonEpoch) / Astronomy.synodicMonth).rounded())
    }
}
