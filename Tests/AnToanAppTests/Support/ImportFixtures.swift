import Foundation
import Vapor
import VaporTesting

@testable import AnToanApp

/// Spreadsheets and uploads for the import tests.
enum ImportFixtures {
    static let staffHeader = [
        "Mã đơn vị", "Mã phòng ban", "Họ và tên", "Chức vụ", "Điện thoại", "E-mail", "Lãnh đạo", "Trạng thái",
        "Số CCCD", "Mã nhân viên",
    ]

    /// "Mã đơn vị,Họ và tên,Chức vụ / SO-TP,Nguyễn Văn Đức,Bảo vệ" saved by Excel as CSV in Windows-1258
    /// (base letters with vowel marks, tones as combining bytes).
    static let windows1258CSV = Data(
        hex: "4d61de20f0f56e207669f22c486ff2207661cc2074ea6e2c4368fdec63207675f20d0a534f2d54502c4e677579eade6e2056e3"
            + "6e20d0fdec632c4261d26f2076eaf20d0a"
    )

    /// CSV as Excel's "CSV UTF-8" writes it: with a byte-order mark.
    static func csv(_ rows: [[String]]) -> Data {
        CSVWriter.write(SpreadsheetTable(name: "", rows: rows))
    }

    static func xlsx(_ rows: [[String]], sheet: String = "Sheet1") throws -> Data {
        try XLSXWriter.write([SpreadsheetTable(name: sheet, rows: rows)])
    }

    /// `count` staff of unit `unitCode` with distinct codes and identity numbers.
    static func staffRows(_ count: Int, unitCode: String, first: Int = 1) -> [[String]] {
        (first..<(first + count)).map { index in
            [
                unitCode, "", "Nhân viên số \(index)", index % 10 == 0 ? "Tổ trưởng bảo vệ" : "Nhân viên bảo vệ",
                String(format: "09%08d", index), "nv\(index)@example.vn", index % 10 == 0 ? "Có" : "Không",
                "Đang làm việc", String(format: "0010%08d", index), String(format: "NV%05d", index),
            ]
        }
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}

/// A file sent to `POST /api/v1/import/{kind}`.
func importFile(
    _ app: Application,
    _ kind: String,
    _ data: Data,
    token: String,
    dryRun: Bool,
    contentType: String = "text/csv",
    language: String? = nil
) async throws -> TestingHTTPResponse {
    var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": contentType]
    if let language { headers.add(name: .acceptLanguage, value: language) }
    return try await app.testing().sendRequest(
        .POST,
        "/api/v1/import/\(kind)?dry_run=\(dryRun)",
        headers: headers,
        body: ByteBuffer(data: data)
    )
}

extension Browser {
    /// Posts a multipart form with one file, as the import page's form does, with its CSRF token.
    mutating func upload(
        _ path: String,
        fields: [String: String],
        file: Data?,
        filename: String = "danh-sach.csv",
        fileField: String = "file"
    ) async throws -> TestingHTTPResponse {
        if cookies[CSRFCookieMiddleware.cookie] == nil { _ = try await get(SiteURL.login.path) }
        let boundary = "----antoan-test-boundary"
        var body = Data()
        var all = fields
        all["_csrf"] = SecretToken.hmac(cookies[CSRFCookieMiddleware.cookie] ?? "", secret: Lane.testSecret)
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
                    .utf8
            )
            body += file + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await send(
            .POST,
            path,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(data: body)
        )
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        self.init(bytes)
    }
}
