import Foundation
import Logging
import NIOCore
import Synchronization
import Vapor

@testable import AnToanApp

/// Every log line a request wrote (message and metadata), at every level.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    var logger: Logger {
        var logger = Logger(label: "capture") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func record(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.record("\(event.message) \(merged.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}

/// A citizen's phone at a network address, with a User-Agent and a CSRF cookie of its own, whose requests log to
/// `log`: what the tip pages are sent from.
struct TipSender {
    let app: Application
    var peer = "203.0.113.77"
    var userAgent = "TipPhone/9.9 (unique-agent-Q7Z)"
    var language: String?
    let log = LogCapture()
    var cookies: [String: String] = [CSRFCookieMiddleware.cookie: String(repeating: "n", count: 43)]

    init(_ app: Application, peer: String = "203.0.113.77") {
        self.app = app
        self.peer = peer
    }

    var csrf: String { SecretToken.hmac(cookies[CSRFCookieMiddleware.cookie] ?? "", secret: Lane.testSecret) }

    func send(
        _ method: HTTPMethod,
        _ path: String,
        headers: HTTPHeaders = [:],
        body: ByteBuffer? = nil
    ) async throws
        -> Response
    {
        var headers = headers
        headers.replaceOrAdd(name: .userAgent, value: userAgent)
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        if let language { headers.replaceOrAdd(name: .acceptLanguage, value: language) }
        let request = Request(
            application: app,
            method: method,
            url: URI(string: path),
            headers: headers,
            collectedBody: body,
            remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000),
            logger: log.logger,
            on: app.eventLoopGroup.next()
        )
        return try await app.responder.respond(to: request).get()
    }

    func form(_ path: String, _ fields: [String: String]) async throws -> Response {
        var fields = fields
        fields["_csrf"] = csrf
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        return try await send(
            .POST,
            path,
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        )
    }

    /// A multipart form with files under `photos[]`, as the phone's file input posts it.
    func multipart(_ path: String, _ fields: [String: String], photos: [Data]) async throws -> Response {
        let boundary = "----tipboundary7Q2"
        var body = Data()
        func add(_ text: String) { body.append(Data(text.utf8)) }
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { $1 }) {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (index, photo) in photos.enumerated() {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"p\(index).jpg\"\r\n")
            add("Content-Type: image/jpeg\r\n\r\n")
            body.append(photo)
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        return try await send(
            .POST,
            path,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(data: body)
        )
    }

    func json(_ method: HTTPMethod, _ path: String, _ json: String) async throws -> Response {
        try await send(method, path, headers: ["Content-Type": "application/json"], body: ByteBuffer(string: json))
    }
}

extension Response {
    var text: String { body.string ?? "" }
}
