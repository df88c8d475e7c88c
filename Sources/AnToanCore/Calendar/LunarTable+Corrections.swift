extension LunarTable {
    /// Months whose first day in the published Vietnamese tables is not the day of the computed new moon and
    /// that no time-zone rule explains: computed start (JDN) → published start (JDN). Both were found by
    /// comparing every month of 1900–2199 with the published tables (issue 10, point 13). Keep this list
    /// short; add a month only with a published table to cite.
    static let publishedCorrections: [Int: Int] = [
        // Tết Ất Sửu: the published calendar begins lunar 1925 on 25/01/1925. The new moon fell at 22:30
        // Beijing mean time on 24/01/1925 (14:45 UT), well before midnight by any meridian used, so the
        // astronomy gives 24/01 (the Chinese calendar's date) and the published table departs from it.
        SolarDate.julianDay(year: 1925, month: 1, day: 24): SolarDate.julianDay(year: 1925, month: 1, day: 25),
        // Lunar month 4 of Giáp Tuất: the new moon falls seconds after midnight at UTC+7 on 08/05/2054
        // (17:00:23 UT on the 7th with ΔT ≈ 102 s), inside the uncertainty of ΔT that far ahead; the
        // published tables begin the month on 07/05/2054.
        SolarDate.julianDay(year: 2054, month: 5, day: 8): SolarDate.julianDay(year: 2054, month: 5, day: 7),
    ]
}
