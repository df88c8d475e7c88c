import Vapor

/// Why a scan did not count. Every refused attempt is kept, with who and when.
enum PatrolScanRefusal: String, Sendable, CaseIterable {
    /// The link is not one this app signed, or was altered.
    case forged
    /// A label of an older generation: new labels were printed since.
    case oldLabel = "old_label"
    /// The checkpoint or its route was taken off.
    case removed
    /// The checkpoint is another unit's.
    case otherUnit = "other_unit"
    /// The account does not walk patrols.
    case notAllowed = "not_allowed"
    /// No round of the route is under way (or just over) for this checkpoint.
    case noRoundDue = "no_round_due"
    /// The link carries an NFC message but the checkpoint has no tag keys.
    case nfcNotSet = "nfc_not_set"
    /// The NFC message does not verify under the tag's keys.
    case nfcInvalid = "nfc_invalid"
    /// The NFC counter is not above the last one accepted: a copied link.
    case nfcReplayed = "nfc_replayed"
    /// An offline scan dated after the server's time.
    case future
    /// An offline scan older than a day.
    case tooOld = "too_old"

    var nameVi: String {
        switch self {
        case .forged: "Mã điểm tuần tra không hợp lệ (không do hệ thống cấp hoặc đã bị sửa)"
        case .oldLabel: "Tem đã cũ: đơn vị đã in tem mới cho điểm này"
        case .removed: "Điểm tuần tra này không còn trên tuyến"
        case .otherUnit: "Điểm tuần tra không thuộc đơn vị của bạn"
        case .notAllowed: "Tài khoản của bạn không làm nhiệm vụ tuần tra"
        case .noRoundDue: "Không có lượt tuần tra nào đang đến hạn cho điểm này"
        case .nfcNotSet: "Điểm này chưa được khai báo thẻ NFC"
        case .nfcInvalid: "Thẻ NFC không xác thực được"
        case .nfcReplayed: "Mã NFC đã được dùng (bản sao của một lần chạm trước)"
        case .future: "Thời điểm quét ở tương lai"
        case .tooOld: "Lượt quét đã quá một ngày"
        }
    }

    var nameEn: String {
        switch self {
        case .forged: "Not a valid checkpoint code (not issued by this system, or altered)"
        case .oldLabel: "Old label: the unit has printed new labels for this checkpoint"
        case .removed: "This checkpoint is no longer on a route"
        case .otherUnit: "This checkpoint is not your unit's"
        case .notAllowed: "Your account does not walk patrols"
        case .noRoundDue: "No patrol round is due for this checkpoint"
        case .nfcNotSet: "No NFC tag is set up for this checkpoint"
        case .nfcInvalid: "The NFC tag could not be verified"
        case .nfcReplayed: "This NFC code was already used (a copy of an earlier tap)"
        case .future: "The scan is dated in the future"
        case .tooOld: "The scan is more than a day old"
        }
    }

    /// The status of a page or API answer that refuses it.
    var status: HTTPResponseStatus {
        switch self {
        case .forged, .otherUnit: .notFound
        case .notAllowed: .forbidden
        case .oldLabel, .removed: .gone
        case .noRoundDue, .nfcReplayed: .conflict
        case .nfcNotSet, .nfcInvalid, .future, .tooOld: .unprocessableEntity
        }
    }
}
