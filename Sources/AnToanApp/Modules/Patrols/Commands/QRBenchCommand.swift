import AnToanCore
import Foundation
import Vapor

/// `antoan bench-qr [--seconds S] [--json]`: the QR encoder of Core on checkpoint links as the app signs them
/// (symbols encoded per second, and drawn as SVG and PNG), and the label sheet of 100 checkpoints built and
/// rendered as the labels page does (every symbol encoded, the page's HTML written). `make bench-patrol` prints it.
struct QRBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seconds", help: "Seconds of each encoding run (default 3, 1–60)")
        var seconds: Double?
        @Flag(name: "json", help: "Print the figures as one JSON object")
        var json: Bool
    }

    struct Figures: Encodable {
        var linkBytes: Int
        var version: Int
        var symbolsPerSecond: Double
        var svgPerSecond: Double
        var pngPerSecond: Double
        var sheetLabels: Int
        var sheetMillisecondsP50: Double
        var sheetMillisecondsMax: Double
    }

    var help: String { "Time the QR encoder on checkpoint links and the label sheet of 100 checkpoints" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let seconds = signature.seconds ?? 3
        guard (1...60).contains(seconds) else { throw CommandFailed(message: "seconds: must be 1–60") }
        let secret = String(repeating: "k", count: 48)
        let links = (0..<256).map { n in
            "https://antoan.example.gov.vn"
                + CheckpointLink.path(checkpoint: UUID(), generation: 1 + n % 3, secret: secret)
        }
        let symbol = try QRCode(text: links[0])
        let encode = try Self.rate(seconds) { n in _ = try QRCode(text: links[n % links.count]) }
        let svg = try Self.rate(seconds) { n in _ = try QRCode(text: links[n % links.count]).svg(title: "Điểm") }
        let png = try Self.rate(seconds) { n in _ = try QRCode(text: links[n % links.count]).png() }
        let checkpoints = (0..<100).map { n in
            let checkpoint = PatrolCheckpoint()
            checkpoint.id = UUID()
            checkpoint.name = "Điểm tuần tra số \(n + 1) — Bốt gác phía sau"
            checkpoint.position = n
            checkpoint.labelGeneration = 1
            return checkpoint
        }
        let page = PageContext(lang: .vi, principal: nil, csrf: "", flash: nil, path: "/")
        var sheets: [Double] = []
        for _ in 0..<max(3, Int(seconds * 2)) {
            let start = ContinuousClock.now
            let labels = try PatrolLabelsPage.labels(checkpoints, base: "https://antoan.example.gov.vn", secret: secret)
            let model = PatrolLabelsPage.Model(
                unitName: "Công ty Cổ phần Đo tải",
                routeName: "Tuyến đo",
                routeID: UUID(),
                labels: labels
            )
            _ = PatrolLabelsPage.view(model, page).render()
            sheets.append(Self.inSeconds(ContinuousClock.now - start) * 1_000)
        }
        sheets.sort()
        let figures = Figures(
            linkBytes: links[0].utf8.count,
            version: symbol.version,
            symbolsPerSecond: encode,
            svgPerSecond: svg,
            pngPerSecond: png,
            sheetLabels: checkpoints.count,
            sheetMillisecondsP50: sheets[sheets.count / 2],
            sheetMillisecondsMax: sheets[sheets.count - 1]
        )
        if signature.json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            context.console.print(String(decoding: try encoder.encode(figures), as: UTF8.self))
            return
        }
        context.console.print(
            """
            checkpoint link: \(figures.linkBytes) bytes, version \(figures.version), correction M
            symbols encoded per second: \(Int(encode))
            encoded and drawn as SVG per second: \(Int(svg))
            encoded and drawn as PNG per second: \(Int(png))
            label sheet of 100 checkpoints (encode + page HTML): p50 \(String(format: "%.1f", figures.sheetMillisecondsP50)) ms, max \(String(format: "%.1f", figures.sheetMillisecondsMax)) ms
            """
        )
    }

    /// How many times per second `work` runs, over `seconds`.
    private static func rate(_ seconds: Double, _ work: (Int) throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        let limit = Duration.milliseconds(Int(seconds * 1_000))
        var count = 0
        while ContinuousClock.now - start < limit {
            for _ in 0..<16 {
                try work(count)
                count += 1
            }
        }
        return Double(count) / inSeconds(ContinuousClock.now - start)
    }

    private static func inSeconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
