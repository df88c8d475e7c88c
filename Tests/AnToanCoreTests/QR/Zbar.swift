import Foundation

/// zbarimg, run over PNG files in a temporary folder: what it read from each, in order.
enum Zbar {
    static let path = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// On CI a missing zbar fails the tests instead of skipping them.
    static var usable: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One zbarimg over all the images, which prints what it read from each in turn, one per line (the texts
    /// written hold no newline); a symbol it cannot read leaves a line out, and the lists then differ.
    static func decode(_ images: [(name: String, png: [UInt8])]) throws -> [String] {
        guard let path else { throw Failure(description: "zbarimg not found: apt-get install zbar-tools") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try images.map { image in
            let file = folder.appendingPathComponent("\(image.name).png")
            try Data(image.png).write(to: file)
            return file
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : text.components(separatedBy: "\n")
    }
}
