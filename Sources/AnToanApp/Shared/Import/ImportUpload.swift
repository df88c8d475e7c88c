import Foundation
import Plot
import Vapor

/// Collects an uploaded file of at most `SpreadsheetLimits.maxBytes`; larger is a 413 that says the limit.
enum ImportUpload {
    /// Room for a multipart form's boundaries and small fields around the file.
    static let formOverhead = 64 * 1024

    struct TooLarge: Error {}

    static func collect(_ req: Request, max: Int = SpreadsheetLimits.maxBytes) async throws -> ByteBuffer {
        let buffer: ByteBuffer?
        do {
            buffer = try await req.body.collect(max: max).get()
        } catch let error as any AbortError where error.status == .payloadTooLarge {
            throw TooLarge()
        }
        // A body that arrived whole is not measured by `collect`.
        guard let buffer else { return ByteBuffer() }
        guard buffer.readableBytes <= max else { throw TooLarge() }
        return buffer
    }

    /// The words of the 413, with the real limit (the app-wide message speaks of the 1 MB JSON limit).
    static var tooLargeMessage: (vi: String, en: String) {
        SpreadsheetError.tooLarge(maxBytes: SpreadsheetLimits.maxBytes).message
    }

    /// The API's error body for a 413, through the app's one renderer.
    static func tooLargeResponse(_ req: Request) -> Response {
        let message = tooLargeMessage
        var failure = Failure(AppError.badRequest(vi: message.vi, en: message.en))
        failure.status = .payloadTooLarge
        failure.code = "payload_too_large"
        return failure.jsonResponse(req.apiLanguage)
    }
}
