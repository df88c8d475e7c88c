import Foundation

/// Reads an RFC 4180 CSV (comma, semicolon or tab) in UTF-8 or UTF-16 into one table.
enum CSVReader {
    static func read(_ data: Data) throws(SpreadsheetError) -> SpreadsheetTable {
        guard data.count <= SpreadsheetLimits.maxBytes else {
            throw .tooLarge(maxBytes: SpreadsheetLimits.maxBytes)
        }
        let text = try decode(data)
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { throw .emptyFile }
        var bytes = Array(text.utf8)
        let delimiter: UInt8
        if let hint = separatorHint(bytes) {
            // Excel honours a first line "sep=;" and so do we.
            delimiter = hint.delimiter
            bytes.removeFirst(hint.lineLength)
        } else {
            delimiter = detectDelimiter(bytes)
        }
        let rows = try parse(bytes, delimiter: delimiter)
        let table = try SpreadsheetTable.normalized(name: "", rows: rows)
        guard !table.rows.isEmpty else { throw .emptyFile }
        return table
    }

    static func decode(_ data: Data) throws(SpreadsheetError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw .wrongEncoding(guess: guessEncoding(bytes))
            }
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard bytes.count % 2 == 0, let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw .malformed("CSV: broken UTF-16 text")
            }
            return text
        }
        // NUL bytes never occur in text a person saved as CSV: this is some binary file.
        guard !bytes.contains(0) else { throw .notASpreadsheet }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .wrongEncoding(guess: guessEncoding(bytes))
        }
        return text
    }

    /// Vietnamese in Windows-1258 is full of đ/Đ, ơ/ư and combining tone marks, which are rare in Western text.
    static func guessEncoding(_ bytes: [UInt8]) -> String {
        let vietnamese: Set<UInt8> = [0xD0, 0xF0, 0xCC, 0xD2, 0xDE, 0xEC, 0xF2, 0xD5, 0xF5, 0xDD, 0xFD]
        var high = 0
        var hits = 0
        for byte in bytes where byte >= 0x80 {
            high += 1
            if vietnamese.contains(byte) {
                hits += 1
            }
        }
        return hits > 0 && hits * 10 >= high * 3 ? "Windows-1258" : "Windows-1252 or another legacy code page"
    }

    private static func separatorHint(_ bytes: [UInt8]) -> (delimiter: UInt8, lineLength: Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= 5, bytes[0..<4].map({ $0 | 0x20 }) == prefix else { return nil }
        var length = 5
        while length < bytes.count, bytes[length] == UInt8(ascii: "\r") || bytes[length] == UInt8(ascii: "\n") {
            length += 1
        }
        return length > 5 || length == bytes.count ? (bytes[4], length) : nil
    }

    /// The most frequent of `,` `;` and tab outside quotes on the header line; comma on a tie.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                break
            } else if !quoted, let index = candidates.firstIndex(of: byte) {
                counts[index] += 1
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] {
            best = index
        }
        return candidates[best]
    }

    static func parse(_ bytes: [UInt8], delimiter: UInt8) throws(SpreadsheetError) -> [[String]] {
        let quote = UInt8(ascii: "\"")
        let carriageReturn = UInt8(ascii: "\r")
        let lineFeed = UInt8(ascii: "\n")
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var quoteLine = 1
        var index = 0

        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            rows.append(row)
            row = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else if byte == carriageReturn, index < bytes.count, bytes[index] == lineFeed {
                    // A line break inside a cell is a plain LF, as in a cell typed in Excel.
                    continue
                } else {
                    if byte == lineFeed {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
            case lineFeed:
                line += 1
                endRow()
            case carriageReturn:
                line += 1
                endRow()
                if index < bytes.count, bytes[index] == lineFeed {
                    index += 1
                }
            case quote where field.allSatisfy({ $0 == UInt8(ascii: " ") }):
                // A quote opens a quoted field only at its start (spaces before it are tolerated).
                field.removeAll(keepingCapacity: true)
                quoted = true
                quoteLine = line
            default:
                field.append(byte)
            }
        }
        guard !quoted else {
            throw .malformed("CSV: the quote opened on line \(quoteLine) is never closed")
        }
        if !field.isEmpty || !row.isEmpty {
            endRow()
        }
        return rows
    }
}
