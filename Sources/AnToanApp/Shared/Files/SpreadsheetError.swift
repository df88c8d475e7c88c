/// Why an uploaded spreadsheet could not be read, with a sentence for the user in Vietnamese and English.
enum SpreadsheetError: Error, Equatable {
    case notASpreadsheet
    case tooLarge(maxBytes: Int)
    case wrongEncoding(guess: String)
    case emptyFile
    case malformed(String)
    /// A part of an .xlsx that unzips to more than the cap: a zip bomb, or a list far too long for one file.
    case partTooLarge(part: String, maxBytes: Int)

    var message: (vi: String, en: String) {
        switch self {
        case .notASpreadsheet:
            return (
                vi: "Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy lưu lại dưới dạng Excel Workbook (.xlsx) "
                    + "hoặc CSV UTF-8 rồi tải lên lại.",
                en: "The file is not a valid Excel (.xlsx) spreadsheet. Save it as Excel Workbook (.xlsx) "
                    + "or CSV UTF-8 and upload it again."
            )
        case .tooLarge(let maxBytes):
            let megabytes = max(1, maxBytes / (1024 * 1024))
            return (
                vi: "Tệp quá lớn: dung lượng tối đa là \(megabytes) MB. Hãy chia nhỏ danh sách rồi tải lên từng phần.",
                en: "The file is too large: the limit is \(megabytes) MB. Split the list and upload it in parts."
            )
        case .wrongEncoding(let guess):
            return (
                vi: "Tệp CSV không dùng bảng mã UTF-8 (có vẻ là \(guess)) nên chữ tiếng Việt sẽ bị lỗi. "
                    + "Trong Excel, hãy chọn Lưu thành → \"CSV UTF-8 (Phân cách bằng dấu phẩy)\" rồi tải lên lại.",
                en: "The CSV file is not UTF-8 (it looks like \(guess)), so Vietnamese text would be garbled. "
                    + "In Excel, choose Save As → \"CSV UTF-8 (Comma delimited)\" and upload it again."
            )
        case .emptyFile:
            return (
                vi: "Tệp trống, không có dữ liệu nào để nhập.",
                en: "The file is empty: there is no data to import."
            )
        case .malformed(let detail):
            return (
                vi: "Tệp bảng tính bị hỏng hoặc sai cấu trúc nên không đọc được (\(detail)).",
                en: "The spreadsheet file is damaged or malformed and cannot be read (\(detail))."
            )
        case .partTooLarge(let part, let maxBytes):
            let size = maxBytes >= 1_048_576 ? "\(maxBytes / 1_048_576) MB" : "\(maxBytes) byte"
            return (
                vi: "Tệp bảng tính giải nén ra quá lớn: phần \(part) vượt quá \(size). "
                    + "Hãy chia nhỏ danh sách rồi tải lên từng phần.",
                en: "The spreadsheet unzips to too much: its part \(part) is over \(size). "
                    + "Split the list and upload it in parts."
            )
        }
    }
}
