import Foundation
import Testing

@testable import AnToanCore

/// Every symbol is read back by zbar (Debian's zbar-tools, installed by the test command), a decoder that shares no
/// code with ours. Without zbar the tests that need it fail on CI and are skipped elsewhere.
@Suite("QR Code encoder, read back by zbar")
struct QRCodeTests {
    @Test(
        "a symbol of every version 1–40 at every correction level, filled to capacity, reads back as written",
        .enabled(if: Zbar.usable)
    )
    func everyVersionAndLevel() async throws {
        let (symbols, decoded) = try await Self.offPool {
            var symbols: [(name: String, text: String, code: QRCode)] = []
            for correction in QRCode.Correction.allCases {
                for version in 1...40 {
                    let text = Self.text(count: QRCode.capacity(version: version, correction), seed: version)
                    symbols.append(("v\(version)-\(correction)", text, try QRCode(text: text, correction: correction)))
                }
            }
            return (symbols, try Zbar.decode(symbols.map { ($0.name, $0.code.png(scale: 3)) }))
        }
        for symbol in symbols {
            let version = Int(symbol.name.dropFirst().prefix { $0 != "-" })
            #expect(symbol.code.version == version && symbol.code.size == 17 + 4 * symbol.code.version)
        }
        #expect(decoded.count == symbols.count)
        for (symbol, read) in zip(symbols, decoded) {
            #expect(read == symbol.text, "\(symbol.name) (mask \(symbol.code.mask)) read as \(read.prefix(40))…")
        }
    }

    @Test("each of the eight masks reads back, and the chosen one has the lowest penalty", .enabled(if: Zbar.usable))
    func everyMask() async throws {
        let text = "https://antoan.example/c/7f3b2ce9?t=Zm9vYmFyYmF6"
        let codes = try (0..<8).map { try QRCode(text: text, correction: .quartile, mask: $0) }
        let decoded = try await Self.offPool { try Zbar.decode(codes.map { ("mask\($0.mask)", $0.png(scale: 4)) }) }
        #expect(decoded == Array(repeating: text, count: 8))
        let chosen = try QRCode(text: text, correction: .quartile)
        #expect(Self.penalty(of: chosen) == codes.map(Self.penalty).min())
    }

    @Test("short and long links, Vietnamese text and every byte value read back", .enabled(if: Zbar.usable))
    func contents() async throws {
        let texts = [
            "a", "https://antoan.vn/", "Bốt gác phía sau — Trường THPT Nguyễn Du",
            "https://antoan.example/c/0b3c6a0e-55b1-4a87-9f0e-3b8e2f2a1d10?t=" + String(repeating: "x", count: 200),
            "038095001234|012345678|Nguyễn Văn An|01011995|Nam|Thôn 3, xã Hòa An, Sơn Hà|15082021",
        ]
        let codes = try texts.map { try QRCode(text: $0, correction: .medium) }
        let decoded = try await Self.offPool {
            try Zbar.decode(codes.enumerated().map { ("text\($0.offset)", $0.element.png()) })
        }
        #expect(decoded == texts)
    }

    @Test("the smallest version that holds the bytes is chosen, and too much is refused with the limit")
    func versionChoiceAndLimit() throws {
        #expect(try QRCode(text: String(repeating: "a", count: 14), correction: .medium).version == 1)
        #expect(try QRCode(text: String(repeating: "a", count: 15), correction: .medium).version == 2)
        #expect(QRCode.capacity(version: 40, .low) == 2_953 && QRCode.capacity(version: 40, .high) == 1_273)
        #expect(throws: QRCode.Problem.tooLong(bytes: 2_954, max: 2_953)) {
            try QRCode(bytes: Array(repeating: 0x41, count: 2_954), correction: .low)
        }
    }

    @Test("the PNG is a valid greyscale image and the SVG draws only the dark modules")
    func renderings() throws {
        let code = try QRCode(text: "A")
        let png = code.png(scale: 2)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png.suffix(8)) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])  // IEND and its CRC
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg ") && svg.contains(#"viewBox="0 0 29 29""#))
        // The top-left finder's first row is a run of seven dark modules inside the quiet zone.
        #expect(svg.contains("M4 4h7v1h-7z"))
    }

    /// Runs the encoding of many symbols and zbar on a thread of their own: the suite's async tests share two
    /// threads on CI, and minutes of work on one of them would starve the others (and their database pools).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Printable ASCII, different for every seed, without the newline that would split zbar's output.
    static func text(count: Int, seed: Int) -> String {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return String(
            (0..<count).map { _ in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return Character(UnicodeScalar(UInt8(33 + state % 94)))
            }
        )
    }

    static func penalty(of code: QRCode) -> Int {
        QRMatrix.penalty(code.modules, size: code.size)
    }
}
