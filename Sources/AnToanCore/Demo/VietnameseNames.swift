/// A list of names with relative frequencies, folded to ASCII once so e-mail addresses cost nothing per person.
struct WeightedNames: Sendable {
    let names: [String]
    let folded: [String]
    private let cumulative: [Int]

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        folded = entries.map { Folding.fold($0.0).replacingOccurrences(of: " ", with: "") }
        var running = 0
        cumulative = entries.map { entry in
            running += entry.1
            return running
        }
    }

    init(even names: [String]) {
        self.init(names.map { ($0, 1) })
    }

    func pick(_ random: inout DemoRandom) -> Int {
        let target = random.below(cumulative[cumulative.count - 1])
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Family, middle and given names with roughly national frequencies (Nguyễn about 38 %).
enum VietnameseNames {
    static let family = WeightedNames([
        ("Nguyễn", 365), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 21), ("Phan", 45),
        ("Vũ", 20), ("Võ", 19), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 10), ("Trịnh", 8), ("Mai", 7), ("Đào", 8), ("Cao", 6), ("Lương", 6), ("Tạ", 4),
        ("Lâm", 5), ("Hà", 6), ("Chu", 4), ("Phùng", 4), ("Tô", 3), ("Vương", 3), ("Kiều", 2),
    ])

    static let maleMiddle = WeightedNames([
        ("Văn", 30), ("Đức", 8), ("Hữu", 8), ("Minh", 10), ("Quốc", 6), ("Thanh", 6), ("Công", 6), ("Xuân", 5),
        ("Đình", 6), ("Ngọc", 4), ("Quang", 5), ("Mạnh", 3), ("Trọng", 4), ("Tiến", 3), ("Hoàng", 3),
    ])

    static let femaleMiddle = WeightedNames([
        ("Thị", 40), ("Thu", 8), ("Hồng", 6), ("Ngọc", 8), ("Thanh", 6), ("Minh", 4), ("Phương", 4), ("Kim", 5),
        ("Thùy", 5), ("Bích", 3), ("Mai", 3), ("Hoài", 3), ("Diệu", 2), ("Khánh", 3),
    ])

    static let maleGiven = WeightedNames(even: [
        "Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hùng", "Long", "Nam", "Quân", "Sơn", "Tâm", "Tuấn",
        "Việt", "Huy", "Hưng", "Khánh", "Minh", "Phong", "Thắng", "Trung", "Tùng", "Vinh", "Đạt", "Kiên", "Thành",
        "Toàn", "Hoàng", "Lâm", "Phúc", "Quang", "Thịnh", "Duy", "Hậu",
    ])

    static let femaleGiven = WeightedNames(even: [
        "Anh", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo", "Trang", "Yến", "Hằng",
        "Hiền", "Huyền", "Loan", "Ngân", "Nhung", "Oanh", "Thủy", "Trâm", "Uyên", "Vân", "Tâm", "Dung", "Giang",
        "Ngọc", "Quyên", "Thư",
    ])
}

/// A generated person: indices into the name tables, sex and birth year (both feed the CCCD number).
struct DemoPerson: Sendable {
    var family: Int
    var middle: Int
    var given: Int
    var male: Bool
    var birthYear: Int

    init(random: inout DemoRandom, birthYears: ClosedRange<Int>, malePercent: Int) {
        male = random.below(100) < malePercent
        family = VietnameseNames.family.pick(&random)
        let middles = male ? VietnameseNames.maleMiddle : VietnameseNames.femaleMiddle
        let givens = male ? VietnameseNames.maleGiven : VietnameseNames.femaleGiven
        middle = middles.pick(&random)
        given = givens.pick(&random)
        // "Ngọc Ngọc" or "Mai Mai" is not a name anyone is given; one redraw is enough to make it rare.
        if givens.names[given] == middles.names[middle] { given = givens.pick(&random) }
        birthYear = birthYears.lowerBound + random.below(birthYears.count)
    }

    /// The fixed persona "Nguyễn Văn Đức" that demos and search tests rely on.
    static func nguyenVanDuc(birthYear: Int) -> DemoPerson {
        var person = DemoPerson(family: 0, middle: 0, given: 0, male: true, birthYear: birthYear)
        person.given = VietnameseNames.maleGiven.names.firstIndex(of: "Đức") ?? 0
        return person
    }

    private init(family: Int, middle: Int, given: Int, male: Bool, birthYear: Int) {
        self.family = family
        self.middle = middle
        self.given = given
        self.male = male
        self.birthYear = birthYear
    }

    private var middles: WeightedNames { male ? VietnameseNames.maleMiddle : VietnameseNames.femaleMiddle }
    private var givens: WeightedNames { male ? VietnameseNames.maleGiven : VietnameseNames.femaleGiven }

    var fullName: String {
        "\(VietnameseNames.family.names[family]) \(middles.names[middle]) \(givens.names[given])"
    }

    /// The usual Vietnamese mailbox: given name plus initials of family and middle name, "ducnv".
    var mailbox: String {
        let familyInitial = VietnameseNames.family.folded[family].prefix(1)
        let middleInitial = middles.folded[middle].prefix(1)
        return "\(givens.folded[given])\(familyInitial)\(middleInitial)"
    }
}
