/// The import and export routes' part of the OpenAPI document.
extension OpenAPI {
    static let importOperations: [Operation] = []

    static var importSchemas: [String: Any] { [:] }
}
