import Foundation
import Vapor

/// Photos posted with a form (`<input type=file name="photos[]" accept="image/*" multiple>`): each checked by
/// its bytes and its size, their number capped, and what is kept of their metadata decided by the caller.
struct PhotoUpload: Sendable {
    var format: PhotoFile.Format
    var bytes: Data

    /// 8 MB a photo (a phone's full-size JPEG or HEIC), 5 a report.
    static let maxBytes = 8 * 1024 * 1024
    static let maxCount = 5
    /// What a form with the most photos may weigh, with room for its text fields.
    static let maxFormBytes = maxCount * maxBytes + 256 * 1024

    /// The files of `field`, checked; each problem is filed under `field` in `checker`, naming the photo by its
    /// position. Empty parts (a file input left empty) are skipped.
    static func check(
        _ files: [File]?,
        field: String,
        keep: PhotoFile.Keep,
        into checker: inout FieldChecker
    ) -> [PhotoUpload] {
        let files = (files ?? []).filter { $0.data.readableBytes > 0 }
        guard files.count <= maxCount else {
            checker.add(
                field,
                .invalid(vi: "tối đa \(maxCount) ảnh mỗi lần gửi", en: "at most \(maxCount) photos at a time")
            )
            return []
        }
        var photos: [PhotoUpload] = []
        for (index, file) in files.enumerated() {
            let number = index + 1
            guard file.data.readableBytes <= maxBytes else {
                checker.add(
                    field,
                    .invalid(
                        vi: "ảnh thứ \(number) quá lớn (tối đa \(maxBytes / 1_048_576) MB)",
                        en: "photo \(number) is too large (\(maxBytes / 1_048_576) MB at most)"
                    )
                )
                continue
            }
            let data = Data(file.data.readableBytesView)
            guard let format = PhotoFile.format(of: data), let bytes = PhotoFile.stripped(data, format, keep: keep)
            else {
                checker.add(
                    field,
                    .invalid(
                        vi: "tệp thứ \(number) không phải ảnh JPEG, PNG hoặc HEIC",
                        en: "file \(number) is not a JPEG, PNG or HEIC photo"
                    )
                )
                continue
            }
            photos.append(PhotoUpload(format: format, bytes: bytes))
        }
        return photos
    }
}
