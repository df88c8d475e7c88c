/// Draws over `SeededRandom`, one stream per part of the province so that parts do not disturb each other.
struct DemoRandom: Sendable {
    private var base: SeededRandom

    init(seed: UInt64, stream: UInt64) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        base = SeededRandom(seed: mixer.next())
    }

    mutating func next() -> UInt64 { base.next() }

    mutating func below(_ bound: Int) -> Int { base.below(bound) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + base.below(range.count) }

    mutating func chance(_ percent: Int) -> Bool { base.below(100) < percent }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[base.below(items.count)] }

    mutating func shuffle<Element>(_ items: inout [Element]) { base.shuffle(&items) }

    /// `count` distinct elements in random order: a Fisher–Yates pass that stops after `count` steps.
    mutating func sample<Element>(_ items: [Element], _ count: Int) -> [Element] {
        var pool = items
        let wanted = min(count, pool.count)
        for index in 0..<wanted {
            pool.swapAt(index, index + base.below(pool.count - index))
        }
        return Array(pool.prefix(wanted))
    }
}

/// Small formatting and calendar helpers shared by the generator files.
enum DemoFormat {
    /// Zero-padded decimal; cheaper than `String(format:)` in the hot loop of 60,000 staff.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The same day `years` later; 29 February falls back to the 28th.
    static func adding(years: Int, to date: SolarDate) -> SolarDate {
        SolarDate(year: date.year + years, month: date.month, day: date.day)
            ?? SolarDate(year: date.year + years, month: date.month, day: 28) ?? date
    }

    /// Lower-case ASCII letters and digits only: "Sở Tư pháp" → "sotuphap".
    static func slug(_ text: String) -> String {
        String(
            Folding.fold(text).unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
            }
        )
    }

    /// First letters of the words: "Phòng Kế toán" → "pkt".
    static func initials(_ text: String) -> String {
        String(Folding.fold(text).split(separator: " ").compactMap { word in word.first(where: \.isLetter) })
    }

    /// An injective map of `index` into `0..<modulus` (the multiplier is coprime to the power of ten), so
    /// phone and identity numbers are unique without keeping a set of the ones already issued.
    static func scatter(_ index: Int, multiplier: Int, offset: Int, modulus: Int) -> Int {
        (index % modulus * (multiplier % modulus) % modulus + offset) % modulus
    }
}
