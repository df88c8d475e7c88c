/// A QR Code symbol (ISO/IEC 18004, model 2) holding bytes in byte mode: the printed face of a patrol checkpoint,
/// an item's label and a visitor's invitation. Written here because no Swift QR package is available; its tests
/// read every symbol back with zbar, an independent decoder.
public struct QRCode: Sendable, Equatable {
    /// How much of a damaged or dirty symbol can still be read: about 7, 15, 25 and 30 % of its codewords.
    public enum Correction: Int, Sendable, CaseIterable {
        case low, medium, quartile, high

        /// The two bits of the format information (the standard's order is not the order of strength).
        var formatBits: Int { [1, 0, 3, 2][rawValue] }
    }

    public enum Problem: Error, Equatable {
        /// More bytes than version 40 holds at that correction level.
        case tooLong(bytes: Int, max: Int)
    }

    /// 1…40: the symbol is `17 + 4 × version` modules wide.
    public let version: Int
    public let correction: Correction
    /// 0…7, chosen by the standard's penalty rules unless asked for.
    public let mask: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    public var size: Int { 17 + 4 * version }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (its quiet zone) is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    public init(text: String, correction: Correction = .medium, mask: Int? = nil) throws(Problem) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: mask)
    }

    /// The smallest version that holds `bytes`, with the best mask unless `mask` is given.
    public init(bytes: [UInt8], correction: Correction = .medium, mask: Int? = nil) throws(Problem) {
        guard let version = (1...40).first(where: { Self.fits(bytes.count, version: $0, correction) }) else {
            throw .tooLong(bytes: bytes.count, max: Self.capacity(version: 40, correction))
        }
        let codewords = QRCodewords.all(bytes, version: version, correction: correction)
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.place(codewords)
        let chosen = mask.map { min(max($0, 0), 7) } ?? matrix.bestMask(correction)
        matrix.apply(mask: chosen)
        matrix.drawFormat(correction, mask: chosen)
        self.version = version
        self.correction = correction
        self.mask = chosen
        self.modules = matrix.dark
    }

    /// The most bytes a symbol of `version` holds at `correction`.
    public static func capacity(version: Int, _ correction: Correction) -> Int {
        let countBits = version < 10 ? 8 : 16
        return (QRTables.dataCodewords(version: version, correction) * 8 - 4 - countBits) / 8
    }

    static func fits(_ count: Int, version: Int, _ correction: Correction) -> Bool {
        count <= capacity(version: version, correction)
    }
}
