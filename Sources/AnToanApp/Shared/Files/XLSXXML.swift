import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX delegate for one package part that can stop the parse with a user-facing error.
protocol XLSXPartDelegate: XMLParserDelegate {
    var failure: SpreadsheetError? { get }
}

/// Shared XMLParser plumbing for the .xlsx package parts.
enum XLSXXML {
    static func parse(_ data: Data, part: String, with delegate: some XLSXPartDelegate) throws(SpreadsheetError) {
        let parser = XMLParser(data: data)
        // External entities could read local files (XXE); a spreadsheet never needs them.
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.failure {
            throw failure
        }
        guard finished else {
            let line = parser.lineNumber
            throw .malformed("\(part): invalid XML near line \(line)")
        }
    }

    /// Element and attribute names without a namespace prefix (some writers emit `x:row`).
    static func localName(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] {
            return value
        }
        for (key, value) in attributes where localName(key) == name {
            return value
        }
        return nil
    }

    /// Decodes the OOXML `_xHHHH_` escapes Excel uses for control characters in strings.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        result += rest
        return result
    }

    /// Escapes text for an XML element body or attribute value.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            // XML 1.0 cannot carry other control characters, so they are dropped.
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
