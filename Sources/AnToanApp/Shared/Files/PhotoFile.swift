import Foundation

/// A photo as a phone gives it: JPEG, PNG or HEIC, told by its first bytes (never by its name or declared type),
/// and the metadata that could say where it was taken, or by whom, taken out. Used by incident reports and tips.
enum PhotoFile {
    enum Format: String, Sendable, CaseIterable {
        case jpeg
        case png
        case heic

        var contentType: String {
            switch self {
            case .jpeg: "image/jpeg"
            case .png: "image/png"
            case .heic: "image/heic"
            }
        }
    }

    /// How much metadata to keep.
    enum Keep: Sendable {
        /// Only what shows the picture the right way up (a JPEG's orientation): for anonymous senders, whose camera
        /// model, serial number or editing software could point at them.
        case orientationOnly
        /// Everything but the location: the GPS of a JPEG's EXIF is blanked and its XMP dropped.
        case allButLocation
        /// Everything, as the camera wrote it (a reporter who keeps the location).
        case everything
    }

    /// The format the bytes begin with, or nil when they are not a photo of a kind we take.
    static func format(of data: Data) -> Format? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.count == 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        return nil
    }

    /// The photo with the metadata `keep` does not keep taken out; nil when its structure cannot be read (a file
    /// that only begins like a photo).
    static func stripped(_ data: Data, _ format: Format, keep: Keep) -> Data? {
        guard keep != .everything else { return data }
        switch format {
        case .jpeg: return JPEGMetadata.strip([UInt8](data), keep: keep).map { Data($0) }
        case .png: return PNGMetadata.strip([UInt8](data)).map { Data($0) }
        case .heic: return HEIFMetadata.blank([UInt8](data)).map { Data($0) }
        }
    }
}

/// A JPEG's segments up to the image data: APP1 (EXIF, XMP), APP13 (IPTC) and comments are where a camera writes
/// place, device and author.
enum JPEGMetadata {
    static func strip(_ bytes: [UInt8], keep: PhotoFile.Keep) -> [UInt8]? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var kept: [UInt8] = [0xFF, 0xD8]
        var orientation: UInt16?
        var scanned = false
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {  // fill byte
                index += 1
                continue
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            let segment = Array(bytes[index..<(index + 2 + length)])
            if marker == 0xDA {  // start of scan: the rest is image data
                kept += bytes[index...]
                scanned = true
                break
            }
            let isEXIF =
                marker == 0xE1 && segment.count > 10 && segment[4..<10].elementsEqual(Array("Exif".utf8) + [0, 0])
            switch (marker, keep) {
            case (0xE1, .orientationOnly):
                if isEXIF { orientation = EXIF.orientation(Array(segment[10...])) }
            case (0xED, .orientationOnly), (0xFE, .orientationOnly):
                break
            case (0xE1, _):
                // XMP may repeat the GPS position: it goes; EXIF stays with its GPS blanked.
                if isEXIF { kept += Array(segment[0..<10]) + EXIF.blankingGPS(Array(segment[10...])) }
            default:
                kept += segment
            }
            index += 2 + length
        }
        guard scanned else { return nil }
        if let orientation, orientation != 1 {
            kept.insert(contentsOf: EXIF.orientationSegment(orientation), at: 2)
        }
        return kept
    }
}

/// The TIFF structure inside a JPEG's EXIF segment.
enum EXIF {
    /// Reads a 2- or 4-byte number in the TIFF's byte order.
    struct Reader {
        var bytes: [UInt8]
        var bigEndian: Bool

        init?(_ bytes: [UInt8]) {
            guard bytes.count >= 8 else { return nil }
            if bytes.starts(with: [0x4D, 0x4D]) {
                bigEndian = true
            } else if bytes.starts(with: [0x49, 0x49]) {
                bigEndian = false
            } else {
                return nil
            }
            self.bytes = bytes
        }

        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return bigEndian ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at + 1]) << 8 | Int(bytes[at])
        }

        func u32(_ at: Int) -> Int? {
            guard let first = u16(at), let second = u16(at + 2) else { return nil }
            return bigEndian ? first << 16 | second : second << 16 | first
        }

        /// The entries of IFD0: (tag, type, count, where the entry starts).
        var firstDirectory: [(tag: Int, type: Int, count: Int, at: Int)] {
            guard let start = u32(4), let count = u16(start) else { return [] }
            return (0..<count).compactMap { index in
                let at = start + 2 + index * 12
                guard let tag = u16(at), let type = u16(at + 2), let count = u32(at + 4) else { return nil }
                return (tag, type, count, at)
            }
        }
    }

    static func orientation(_ tiff: [UInt8]) -> UInt16? {
        guard let reader = Reader(tiff),
            let entry = reader.firstDirectory.first(where: { $0.tag == 0x0112 }),
            let value = reader.u16(entry.at + 8)
        else { return nil }
        return UInt16(value)
    }

    /// The TIFF with its GPS directory's entries and the values they point at overwritten with zeros, and the
    /// directory emptied; unreadable EXIF comes back as it was not: an empty TIFF header.
    static func blankingGPS(_ tiff: [UInt8]) -> [UInt8] {
        guard let reader = Reader(tiff) else { return Array("MM".utf8) + [0, 42, 0, 0, 0, 0] }
        guard let pointer = reader.firstDirectory.first(where: { $0.tag == 0x8825 }),
            let start = reader.u32(pointer.at + 8), let count = reader.u16(start)
        else { return tiff }
        var out = tiff
        let sizes = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8]
        for index in 0..<count {
            let at = start + 2 + index * 12
            guard at + 12 <= out.count, let type = reader.u16(at + 2), let items = reader.u32(at + 4) else { break }
            let size = (sizes[type] ?? 1) * items
            if size > 4, let offset = reader.u32(at + 8), offset >= 0, offset + size <= out.count {
                for byte in offset..<(offset + size) { out[byte] = 0 }
            }
            for byte in at..<(at + 12) { out[byte] = 0 }
        }
        if start + 2 <= out.count {
            out[start] = 0
            out[start + 1] = 0
        }
        return out
    }

    /// An APP1 segment holding only an orientation (big-endian TIFF, one IFD with one SHORT entry).
    static func orientationSegment(_ orientation: UInt16) -> [UInt8] {
        var tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8]
        tiff += [0, 1]  // one entry
        tiff += [0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0, 0]
        tiff += [0, 0, 0, 0]  // no next directory
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }
}

/// A PNG's chunks: text and EXIF chunks go (they carry places, authors and devices); the image chunks stay.
enum PNGMetadata {
    static let dropped: Set<String> = ["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]

    static func strip(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count > 8 else { return nil }
        var kept = Array(bytes[0..<8])
        var index = 8
        var ended = false
        while index + 12 <= bytes.count {
            let length = bytes[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            let end = index + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            if !dropped.contains(type) { kept += bytes[index..<end] }
            index = end
            if type == "IEND" {
                ended = true
                break
            }
        }
        return ended ? kept : nil
    }
}

/// A HEIC's EXIF and XMP items, found through its `meta` box (`iinf` names them, `iloc` says where their bytes
/// are), overwritten with zeros in place, so that every other offset in the file stays true and the picture
/// itself is untouched. (A HEIC's orientation is an item property, not EXIF: it survives.)
enum HEIFMetadata {
    struct Box {
        var type: String
        /// Where its content starts and ends.
        var start: Int
        var end: Int
    }

    static func boxes(_ bytes: [UInt8], from: Int, to: Int) -> [Box] {
        var out: [Box] = []
        var index = from
        while index + 8 <= to {
            var size = bytes[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            var header = 8
            if size == 1, index + 16 <= to {
                size = bytes[(index + 8)..<(index + 16)].reduce(0) { $0 << 8 | Int($1) }
                header = 16
            } else if size == 0 {
                size = to - index
            }
            guard size >= header, index + size <= to else { break }
            out.append(Box(type: type, start: index + header, end: index + size))
            index += size
        }
        return out
    }

    static func number(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int? {
        guard size == 0 || (at >= 0 && at + size <= bytes.count) else { return nil }
        return size == 0 ? 0 : bytes[at..<(at + size)].reduce(0) { $0 << 8 | Int($1) }
    }

    static func blank(_ source: [UInt8]) -> [UInt8]? {
        var bytes = source
        guard let meta = boxes(bytes, from: 0, to: bytes.count).first(where: { $0.type == "meta" }) else { return nil }
        let inner = boxes(bytes, from: meta.start + 4, to: meta.end)
        // iinf: the ids of the items of type Exif, or mime (XMP).
        var metadataItems: Set<Int> = []
        if let iinf = inner.first(where: { $0.type == "iinf" }) {
            let version = bytes[iinf.start]
            let entriesAt = iinf.start + 4 + (version == 0 ? 2 : 4)
            for infe in boxes(bytes, from: entriesAt, to: iinf.end) where infe.type == "infe" {
                let infeVersion = bytes[infe.start]
                guard infeVersion >= 2 else { continue }
                let idSize = infeVersion == 2 ? 2 : 4
                guard let id = number(bytes, infe.start + 4, idSize) else { continue }
                let typeAt = infe.start + 4 + idSize + 2
                guard typeAt + 4 <= infe.end else { continue }
                let type = String(decoding: bytes[typeAt..<(typeAt + 4)], as: UTF8.self)
                if type == "Exif" || type == "mime" { metadataItems.insert(id) }
            }
        }
        guard !metadataItems.isEmpty else { return bytes }
        guard let iloc = inner.first(where: { $0.type == "iloc" }) else { return nil }
        let idat = inner.first { $0.type == "idat" }
        let version = Int(bytes[iloc.start])
        var at = iloc.start + 4
        guard at + 2 <= iloc.end else { return nil }
        let offsetSize = Int(bytes[at] >> 4)
        let lengthSize = Int(bytes[at] & 0x0F)
        let baseOffsetSize = Int(bytes[at + 1] >> 4)
        let indexSize = version >= 1 ? Int(bytes[at + 1] & 0x0F) : 0
        at += 2
        let countSize = version < 2 ? 2 : 4
        guard let itemCount = number(bytes, at, countSize) else { return nil }
        at += countSize
        for _ in 0..<itemCount {
            let idSize = version < 2 ? 2 : 4
            guard let id = number(bytes, at, idSize) else { return nil }
            at += idSize
            var method = 0
            if version >= 1 {
                guard let value = number(bytes, at, 2) else { return nil }
                method = value & 0x0F
                at += 2
            }
            at += 2  // data reference index
            guard let base = number(bytes, at, baseOffsetSize) else { return nil }
            at += baseOffsetSize
            guard let extents = number(bytes, at, 2) else { return nil }
            at += 2
            for _ in 0..<extents {
                at += indexSize
                guard let offset = number(bytes, at, offsetSize),
                    let length = number(bytes, at + offsetSize, lengthSize)
                else { return nil }
                at += offsetSize + lengthSize
                guard metadataItems.contains(id) else { continue }
                let origin: Int
                switch method {
                case 0: origin = 0
                case 1:
                    guard let idat else { return nil }
                    origin = idat.start
                default: return nil  // an item built from other items: not something we can blank
                }
                let from = origin + base + offset
                guard length > 0, from >= 0, from + length <= bytes.count else { return nil }
                for byte in from..<(from + length) { bytes[byte] = 0 }
            }
        }
        return bytes
    }
}
