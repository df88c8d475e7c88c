/// The codewords of a symbol: the bytes in byte mode, padded to the version's capacity, cut into blocks, each
/// block's Reed–Solomon error correction, then all of it interleaved as the symbol stores it.
enum QRCodewords {
    static func all(_ bytes: [UInt8], version: Int, correction: QRCode.Correction) -> [UInt8] {
        interleave(
            data(bytes, version: version, correction: correction),
            version: version,
            correction: correction
        )
    }

    /// Mode indicator 0100 (byte), the count, the bytes, a terminator of up to four zero bits, zero bits to the
    /// byte, then the pad bytes 0xEC 0x11 alternately up to the capacity.
    static func data(_ bytes: [UInt8], version: Int, correction: QRCode.Correction) -> [UInt8] {
        let capacity = QRTables.dataCodewords(version: version, correction)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version < 10 ? 8 : 16)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Blocks of the same length first, the longer ones (one more data codeword) last; the data codewords are
    /// taken a column at a time across the blocks, then the error-correction codewords the same way.
    static func interleave(_ data: [UInt8], version: Int, correction: QRCode.Correction) -> [UInt8] {
        let blockCount = QRTables.blocks(version: version, correction)
        let eccLength = QRTables.eccPerBlock(version: version, correction)
        let shortLength = data.count / blockCount
        let longBlocks = data.count % blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortLength + (index >= blockCount - longBlocks ? 1 : 0)
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        result.reserveCapacity(data.count + blockCount * eccLength)
        for column in 0...shortLength {
            for block in blocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<eccLength {
            for correction in corrections { result.append(correction[column]) }
        }
        return result
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].enumerated()
                .reduce(UInt8(0)) { byte, bit in bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte }
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR Code's field polynomial x⁸+x⁴+x³+x²+1 (0x11D).
enum ReedSolomon {
    /// The generator polynomial of `degree` (the product of (x − 2ⁱ) for i < degree), highest power first, without
    /// its leading 1.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The remainder of the data (as a polynomial times x^degree) divided by the generator: the codewords that let a
    /// reader correct errors.
    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var product = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            product ^= ((Int(y) >> bit) & 1) * Int(x)
        }
        return UInt8(product & 0xFF)
    }
}
