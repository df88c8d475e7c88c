import AnToanCore
import Foundation
import Vapor

/// A request body of the API: its accepted fields, and the checks beyond types.
protocol APIInput: Decodable, Sendable {
    static var fields: Set<String> { get }
    /// Every problem at once; empty when the input is acceptable.
    func problems() -> [FieldError]
}

extension Request {
    /// The 1 MB cap on request bodies, the same as `app.routes.defaultMaxBodySize`.
    static let maxBodyBytes = 1_048_576

    /// Decodes a JSON object strictly: malformed JSON, unknown or missing fields, wrong types and
    /// failed checks all become a 4xx naming the field, before anything is written.
    func decodeJSON<Input: APIInput>(_ type: Input.Type) throws -> Input {
        guard let contentType = headers.contentType, contentType == .json || contentType.subType == "json" else {
            throw AppError.unsupportedMediaType
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw AppError.badRequest(vi: "Thiếu nội dung JSON.", en: "The JSON body is missing.")
        }
        // The server refuses larger streamed bodies itself; this covers bodies that arrive collected.
        guard buffer.readableBytes <= Self.maxBodyBytes else { throw Abort(.payloadTooLarge) }
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw AppError.badRequest(vi: "JSON không đúng cú pháp.", en: "The body is not well-formed JSON.")
        }
        guard let dictionary = object as? [String: Any] else {
            throw AppError.badRequest(vi: "Nội dung phải là một đối tượng JSON.", en: "The body must be a JSON object.")
        }
        let unknown = dictionary.keys.filter { !Input.fields.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw AppError.invalidFields(unknown.map { FieldError(field: $0, reason: .unknown) })
        }
        let refused = Self.refusedCharacters(in: dictionary)
        if !refused.isEmpty { throw AppError.invalidFields(refused) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let input = try decoder.decode(Input.self, from: data)
        let problems = input.problems()
        if !problems.isEmpty { throw AppError.invalidFields(problems) }
        return input
    }

    /// Control characters in any string of the body, wherever it sits (`posts.0.name`): refused before a
    /// field's own checks, which also refuse line breaks in one-line fields and invisible characters in names.
    private static func refusedCharacters(in value: Any, at path: String = "") -> [FieldError] {
        switch value {
        case let text as String:
            guard let problem = TextHygiene.problem(in: text, as: .multiline) else { return [] }
            return [FieldError(field: path, reason: .refused(problem))]
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { key in
                refusedCharacters(in: object[key] as Any, at: path.isEmpty ? key : path + "." + key)
            }
        case let array as [Any]:
            return array.enumerated().flatMap { index, item in refusedCharacters(in: item, at: "\(path).\(index)") }
        default:
            return []
        }
    }
}
