import AnToanCore
import Fluent
import Foundation

/// The rules an issue is checked against, each naming its field: the item in store and not reserved, the holder's
/// certificate, the expected return; and why a step cannot be taken in the state.
extension CustodyService {
    /// Why the item cannot be requested now, if it cannot.
    static func availability(_ item: EquipmentItem, open: [EquipmentCustody]) -> FieldError.Reason? {
        if item.statusValue != .inStore { return statusProblem(item) }
        if !item.kindValue.isCounted, let other = open.first {
            return .invalid(
                vi:
                    "đã có đề nghị cấp cho \(other.holderName) chưa kết thúc (\(other.statusValue.nameVi.lowercased()))",
                en: "an issue to \(other.holderName) is still open (\(other.statusValue.nameEn.lowercased()))"
            )
        }
        return nil
    }

    static func statusProblem(_ item: EquipmentItem) -> FieldError.Reason {
        let status = item.statusValue
        return .invalid(
            vi: "không ở trong kho (\(status.nameVi.lowercased())): chỉ cấp được phương tiện đang trong kho",
            en: "is not in store (\(status.nameEn.lowercased())): only an item in store can be issued"
        )
    }

    /// A holder needs a certificate valid today for the item's category (and kind, if the certificate names one)
    /// when the category asks for it.
    static func certificateProblem(
        _ holder: StaffMember,
        _ item: EquipmentItem,
        now: Date,
        on db: any Database
    ) async throws -> FieldError.Reason? {
        guard item.categoryValue.needsCertificate else { return nil }
        let today = VietnamTime.day(of: now)
        let certificates = try await CustodyQueries.certificates(of: try holder.requireID(), on: db)
        if certificates.contains(where: { $0.covers(item.kindValue, on: today.iso) }) { return nil }
        return .invalid(
            vi: "\(holder.fullName) không có chứng nhận huấn luyện \(item.kindValue.nameVi.lowercased()) còn hạn "
                + "ngày \(today.dmy) (TT 46/2014 Điều 8.4)",
            en: "\(holder.fullName) holds no training certificate for \(item.kindValue.nameEn.lowercased()) valid "
                + "on \(today.dmy)"
        )
    }

    /// The expected return: required, after now, within `CustodyLimits.longest`.
    static func expectedReturn(_ text: String?, now: Date, into checker: inout FieldChecker) -> Date? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            checker.add("expected_return_at", .required)
            return nil
        }
        guard let date = IncidentTime.parse(text) else {
            checker.add(
                "expected_return_at",
                .invalid(vi: "cần ngày giờ dạng dd/MM/yyyy HH:mm", en: "needs a date and time as dd/MM/yyyy HH:mm")
            )
            return nil
        }
        if date <= now || date > now.addingTimeInterval(CustodyLimits.longest) {
            checker.add(
                "expected_return_at",
                .invalid(
                    vi: "phải sau lúc này và trong vòng 90 ngày",
                    en: "must be after now and within 90 days"
                )
            )
        }
        return date
    }

    static func stateProblem(_ custody: EquipmentCustody) -> FieldError.Reason {
        switch custody.statusValue {
        case .pending:
            .invalid(
                vi: "chưa được thủ trưởng duyệt (TT 46/2014 Điều 8.4): chưa giao được",
                en: "not yet approved by the head: it cannot be handed over"
            )
        case .approved: .invalid(vi: "đã được duyệt, chờ giao", en: "approved already, to hand over")
        case .refused: .invalid(vi: "đề nghị đã bị từ chối", en: "the request was refused")
        case .handed:
            .invalid(vi: "đã giao, chờ người nhận xác nhận", en: "handed over, awaiting the holder's receipt")
        case .issued: .invalid(vi: "đang do người nhận giữ", en: "out with the holder")
        case .returned:
            .invalid(
                vi: "đã trả lúc \(custody.returnedAt.map(VietnamTime.dateTime) ?? "")",
                en: "returned already at \(custody.returnedAt.map(VietnamTime.dateTime) ?? "")"
            )
        }
    }
}
