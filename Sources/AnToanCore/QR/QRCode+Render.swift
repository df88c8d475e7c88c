/// A symbol drawn for a page (SVG, crisp at any print size) or as a picture (PNG), with the four-module light quiet
/// zone a reader needs around it.
extension QRCode {
    public static let quietZone = 4

    /// An SVG image one unit per module: one path of the dark modules over a white square. It holds no text of the
    /// user's, only numbers, so it needs no escaping.
    public func svg(title: String? = nil) -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                var run = 1
                while self[x + run, y] { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// A greyscale PNG, `scale` pixels per module.
    public func png(scale: Int = 4) -> [UInt8] {
        let scale = max(scale, 1)
        let side = (size + 2 * Self.quietZone) * scale
        var pixels = [UInt8](repeating: 0xFF, count: side * side)
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                for row in 0..<scale {
                    let start = ((y + Self.quietZone) * scale + row) * side + (x + Self.quietZone) * scale
                    for column in start..<start + scale { pixels[column] = 0 }
                }
            }
        }
        return PNG.greyscale(width: side, height: side, pixels: pixels)
    }
}
