/// The grid of a symbol while it is drawn: the function patterns (finders, timing, alignment, format and version
/// information) that a mask never touches, the codewords in their zigzag, the mask and its penalty.
struct QRMatrix {
    let version: Int
    let size: Int
    /// Row by row.
    private(set) var dark: [Bool]
    private var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    private mutating func set(_ x: Int, _ y: Int, _ value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    mutating func drawFunctionPatterns() {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { drawFinder(x, y) }
        let centres = QRTables.alignmentCentres(version: version)
        for (i, x) in centres.enumerated() {
            for (j, y) in centres.enumerated() {
                let onFinder =
                    (i == 0 && j == 0) || (i == 0 && j == centres.count - 1) || (i == centres.count - 1 && j == 0)
                if !onFinder { drawAlignment(x, y) }
            }
        }
        // Reserved now, written once the mask is known.
        drawFormat(.low, mask: 0)
        drawVersion()
    }

    /// A 7×7 finder with its light separator, centred on (x, y).
    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let (column, row) = (x + dx, y + dy)
                if (0..<size).contains(column), (0..<size).contains(row) {
                    set(column, row, distance != 2 && distance != 4)
                }
            }
        }
    }

    private mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The correction level and mask, with their BCH(15,5) check bits, twice: around the top-left finder, and split
    /// between the other two; and the one module that is always dark.
    mutating func drawFormat(_ correction: QRCode.Correction, mask: Int) {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// From version 7, the version with its Golay(18,6) check bits, beside the two finders it does not share a
    /// corner with.
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for index in 0..<18 {
            let value = (bits >> index) & 1 == 1
            let (a, b) = (size - 11 + index % 3, index / 3)
            set(a, b, value)
            set(b, a, value)
        }
    }

    /// The codewords' bits, most significant first, up and down two-module columns from the right, skipping the
    /// vertical timing pattern and every function module.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        let total = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1)
                where !isFunction[y * size + x] && index < total {
                    dark[y * size + x] = (codewords[index >> 3] >> UInt8(7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Flips the data modules where the mask's condition holds; applying the same mask again undoes it.
    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] {
                let flip: Bool
                switch mask {
                case 0: flip = (x + y) % 2 == 0
                case 1: flip = y % 2 == 0
                case 2: flip = x % 3 == 0
                case 3: flip = (x + y) % 3 == 0
                case 4: flip = (x / 3 + y / 2) % 2 == 0
                case 5: flip = x * y % 2 + x * y % 3 == 0
                case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { dark[y * size + x].toggle() }
            }
        }
    }

    /// The mask whose symbol has the lowest penalty, each tried with its own format information.
    mutating func bestMask(_ correction: QRCode.Correction) -> Int {
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            apply(mask: mask)
            drawFormat(correction, mask: mask)
            let score = Self.penalty(dark, size: size)
            if score < best.penalty { best = (mask, score) }
            apply(mask: mask)
        }
        return best.mask
    }

    /// The standard's four penalty rules: runs of five or more, 2×2 blocks of one colour, finder-like patterns,
    /// and a balance of dark and light away from half.
    static func penalty(_ dark: [Bool], size: Int) -> Int {
        var score = 0
        for horizontal in [true, false] {
            for line in 0..<size {
                var run = 0
                var previous = false
                // The last eleven modules as bits; light before the line and for four modules after it, as the
                // quiet zone is.
                var window = 0
                for index in 0..<(size + 4) {
                    let isDark = index < size && dark[horizontal ? line * size + index : index * size + line]
                    if index < size {
                        if index > 0 && isDark == previous {
                            run += 1
                        } else {
                            if run >= 5 { score += run - 2 }
                            run = 1
                        }
                        previous = isDark
                    }
                    window = (window << 1 | (isDark ? 1 : 0)) & 0x7FF
                    if window == 0b101_1101_0000 || window == 0b000_0101_1101 { score += 40 }
                }
                if run >= 5 { score += run - 2 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = dark[y * size + x]
                if dark[y * size + x + 1] == colour, dark[(y + 1) * size + x] == colour,
                    dark[(y + 1) * size + x + 1] == colour
                {
                    score += 3
                }
            }
        }
        let darkCount = dark.filter { $0 }.count
        let total = size * size
        score += ((abs(darkCount * 20 - total * 10) + total - 1) / total - 1) * 10
        return score
    }
}
