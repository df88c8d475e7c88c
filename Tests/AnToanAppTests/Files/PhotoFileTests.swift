import Foundation
import Testing

@testable import AnToanApp

/// Photos are told by their bytes, and what could place or name their sender is taken out.
@Suite("Photo files")
struct PhotoFileTests {
    /// A big-endian TIFF: IFD0 with Make ("SECRETCAM"), Orientation 6 and a GPS pointer; the GPS IFD with a
    /// latitude of three rationals (out of line) and its reference "N".
    static func tiff() -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        let ifd0At = 8
        let ifd0Size = 2 + 3 * 12 + 4
        let makeAt = ifd0At + ifd0Size
        let make = Array("SECRETCAM\0".utf8)
        let gpsAt = makeAt + make.count
        let gpsSize = 2 + 2 * 12 + 4
        let latitudeAt = gpsAt + gpsSize
        var out: [UInt8] = Array("MM".utf8) + u16(42) + u32(ifd0At)
        out += u16(3)
        out += u16(0x010F) + u16(2) + u32(make.count) + u32(makeAt)
        out += u16(0x0112) + u16(3) + u32(1) + u16(6) + u16(0)
        out += u16(0x8825) + u16(4) + u32(1) + u32(gpsAt)
        out += u32(0)
        out += make
        out += u16(2)
        out += u16(0x0001) + u16(2) + u32(2) + Array("N\0".utf8) + u16(0)
        out += u16(0x0002) + u16(5) + u32(3) + u32(latitudeAt)
        out += u32(0)
        out += u32(10) + u32(1) + u32(45) + u32(1) + u32(0x0BAD_CAFE) + u32(100)
        return out
    }

    static func jpeg() -> Data {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        bytes += segment(0xE1, Array("Exif\0\0".utf8) + tiff())
        bytes += segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:GPSLatitude>10,45N</x:GPSLatitude>".utf8))
        bytes += segment(0xFE, Array("shot by Nguyen Van A".utf8))
        bytes += segment(0xDA, [0, 1, 2, 3]) + [0x12, 0x34, 0xFF, 0xD9]
        return Data(bytes)
    }

    @Test("formats by their first bytes; anything else is not a photo")
    func formats() {
        #expect(PhotoFile.format(of: Self.jpeg()) == .jpeg)
        #expect(PhotoFile.format(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])) == .png)
        #expect(PhotoFile.format(of: Data([0, 0, 0, 24] + Array("ftypheic".utf8))) == .heic)
        #expect(PhotoFile.format(of: Data("%PDF-1.7 not a photo".utf8)) == nil)
        #expect(PhotoFile.format(of: Data("<svg>".utf8)) == nil)
    }

    @Test("orientation only: EXIF, XMP and comments go, the picture stays the right way up")
    func jpegOrientationOnly() throws {
        let out = try #require(PhotoFile.stripped(Self.jpeg(), .jpeg, keep: .orientationOnly))
        let text = String(decoding: out, as: UTF8.self)
        #expect(!text.contains("SECRETCAM"))
        #expect(!text.contains("GPSLatitude"))
        #expect(!text.contains("Nguyen"))
        #expect(!out.contains(Data([0x0B, 0xAD, 0xCA, 0xFE])))
        let exif = try #require(out.range(of: Data("Exif\0\0".utf8)))
        let tiff = [UInt8](out[exif.upperBound...])
        #expect(EXIF.orientation(tiff) == 6)
        #expect(out.suffix(4) == Data([0x12, 0x34, 0xFF, 0xD9]))
    }

    @Test("all but the location: the camera stays, the GPS values and the XMP go")
    func jpegAllButLocation() throws {
        let out = try #require(PhotoFile.stripped(Self.jpeg(), .jpeg, keep: .allButLocation))
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("SECRETCAM"))
        #expect(!text.contains("GPSLatitude"))
        #expect(!out.contains(Data([0x0B, 0xAD, 0xCA, 0xFE])))
        #expect(PhotoFile.stripped(Self.jpeg(), .jpeg, keep: .everything) == Self.jpeg())
    }

    @Test("a file that only begins like a JPEG is refused")
    func truncatedJPEG() {
        #expect(
            PhotoFile.stripped(Data([0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 1, 2]), .jpeg, keep: .allButLocation) == nil
        )
    }

    @Test("PNG: text and EXIF chunks go, image chunks stay")
    func png() throws {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let n = data.count
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8)
                + data + [0, 0, 0, 0]
        }
        let bytes: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", Array(repeating: 1, count: 13))
            + chunk("tEXt", Array("Author\0Tran Thi B".utf8)) + chunk("eXIf", Self.tiff()) + chunk("IDAT", [9, 9, 9])
            + chunk("IEND", [])
        let out = try #require(PhotoFile.stripped(Data(bytes), .png, keep: .orientationOnly))
        let text = String(decoding: out, as: UTF8.self)
        #expect(!text.contains("Tran Thi B"))
        #expect(!text.contains("SECRETCAM"))
        #expect(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"))
    }

    @Test("HEIC: the EXIF item's bytes are zeroed in place, the rest of the file unchanged")
    func heic() throws {
        func box(_ type: String, _ content: [UInt8]) -> [UInt8] {
            let n = content.count + 8
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8)
                + content
        }
        let ftyp = box("ftyp", Array("heic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8))
        let infe1 = box("infe", [2, 0, 0, 0, 0, 1, 0, 0] + Array("hvc1".utf8) + [0])
        let infe2 = box("infe", [2, 0, 0, 0, 0, 2, 0, 0] + Array("Exif".utf8) + [0])
        let iinf = box("iinf", [0, 0, 0, 0, 0, 2] + infe1 + infe2)
        let exifPayload: [UInt8] = [0, 0, 0, 6] + Array("Exif\0\0".utf8) + Self.tiff()
        let picture: [UInt8] = Array("PIXELS-PIXELS".utf8)
        // iloc v0, offset and length 4 bytes, no base offset: item 1 = picture, item 2 = EXIF, both in mdat.
        func iloc(mdatStart: Int) -> [UInt8] {
            func u32(_ v: Int) -> [UInt8] {
                [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            }
            return box(
                "iloc",
                [0, 0, 0, 0, 0x44, 0x00, 0, 2] + [0, 1, 0, 0, 0, 1] + u32(mdatStart) + u32(picture.count)
                    + [0, 2, 0, 0, 0, 1] + u32(mdatStart + picture.count) + u32(exifPayload.count)
            )
        }
        let metaLength = box("meta", [0, 0, 0, 0] + iinf + iloc(mdatStart: 0)).count
        let mdatStart = ftyp.count + metaLength + 8
        let meta = box("meta", [0, 0, 0, 0] + iinf + iloc(mdatStart: mdatStart))
        let file = Data(ftyp + meta + box("mdat", picture + exifPayload))
        #expect(PhotoFile.format(of: file) == .heic)
        let out = try #require(PhotoFile.stripped(file, .heic, keep: .orientationOnly))
        #expect(out.count == file.count)
        #expect(!String(decoding: out, as: UTF8.self).contains("SECRETCAM"))
        #expect(String(decoding: out, as: UTF8.self).contains("PIXELS-PIXELS"))
    }
}
