extension HolidayCalendar {
    /// Dates that drive ANTT peak plans (domain note, section 2); none of them is a day off by itself.
    /// Lunar anniversaries are left out for years outside `LunarCalendar.supportedLunarYears`.
    public static func anniversaries(year: Int) -> [Holiday] {
        var days: [Holiday] = []
        func add(_ date: SolarDate?, _ vi: String, _ en: String) {
            guard let date else { return }
            days.append(Holiday(date: date, nameVi: vi, nameEn: en, kind: .anniversary))
        }
        func solar(_ month: Int, _ day: Int) -> SolarDate? { SolarDate(year: year, month: month, day: day) }
        func lunar(_ month: Int, _ day: Int) -> SolarDate? {
            try? LunarCalendar.solar(from: LunarDate(year: year, month: month, day: day))
        }

        add(lunar(1, 1), "Tết Nguyên đán", "Lunar New Year")
        add(solar(2, 3), "Ngày thành lập Đảng Cộng sản Việt Nam", "Founding of the Communist Party of Vietnam")
        add(
            solar(3, 28),
            "Ngày truyền thống Dân quân tự vệ",
            "Traditional Day of the Militia and Self-Defence Force"
        )
        add(lunar(3, 10), "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration")
        add(
            solar(4, 30),
            "Ngày Giải phóng miền Nam, thống nhất đất nước",
            "Liberation of the South and National Reunification Day"
        )
        add(solar(5, 1), "Ngày Quốc tế Lao động", "International Labour Day")
        add(
            solar(8, 19),
            "Ngày truyền thống Công an nhân dân; Ngày hội Toàn dân bảo vệ an ninh Tổ quốc",
            "Traditional Day of the People's Public Security; All-People National Security Protection Day"
        )
        add(solar(9, 2), "Quốc khánh", "National Day")
        add(solar(10, 4), "Ngày toàn dân phòng cháy và chữa cháy", "All-People Fire Prevention and Fighting Day")
        add(
            solar(12, 22),
            "Ngày thành lập Quân đội nhân dân Việt Nam; Ngày hội Quốc phòng toàn dân",
            "Founding of the Vietnam People's Army; All-People National Defence Day"
        )
        return days.sorted { $0.date < $1.date }
    }
}
