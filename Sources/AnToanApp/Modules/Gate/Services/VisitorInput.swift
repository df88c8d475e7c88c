import AnToanCore
import Foundation

/// A check-in as the gate's form, the API or an invitation gives it: raw values, checked by `GateService.checkIn`.
struct VisitorInput: Sendable {
    var unitID: UUID
    var fullName: String?
    /// A `DocumentType` raw value; a chip card (`cccd`) when left out.
    var documentType: String?
    var documentNumber: String?
    /// dd/MM/yyyy or yyyy-MM-dd.
    var birthDate: String?
    var organisation: String?
    /// The host's name as typed (diacritics optional); or `hostID`, a staff member of the unit.
    var host: String?
    var hostID: UUID?
    var purpose: String?
    var vehiclePlate: String?
    var items: String?
    var badge: String?
    var expectedMinutes: Int?
    /// The text of a chip card's QR code as a desk scanner typed it: fills what was left empty.
    var cardCode: String?
    /// The invitation the visitor came with: its host and purpose fill what was left empty; it is used once.
    var invitationID: UUID?
    var problems: [FieldError] = []
}

/// Limits of a visit's fields.
enum GateLimits {
    static let name = 120
    static let organisation = 200
    static let purpose = 300
    static let plate = 20
    static let items = 500
    static let badge = 20
    static let reason = 500
    static let defaultMinutes = 120
    static let minutes = 5...(7 * 24 * 60)
    static let retentionDays = 1...3_650
}

extension VisitorInput {
    /// Fields the card's QR code gives, where nothing was typed; a code that is not a card's is a problem of
    /// `card_code`.
    mutating func fillFromCard() {
        guard let code = cardCode?.trimmingCharacters(in: .whitespacesAndNewlines), !code.isEmpty else { return }
        switch CCCDQR.parse(code) {
        case .success(let card):
            if (fullName ?? "").isEmpty { fullName = card.fullName }
            if (documentNumber ?? "").isEmpty {
                documentNumber = card.number
                documentType = DocumentType.citizenID.rawValue
            }
            if (birthDate ?? "").isEmpty { birthDate = card.birthDate.iso }
        case .failure:
            problems.append(
                FieldError(
                    field: "card_code",
                    reason: .invalid(
                        vi: "không phải mã QR của thẻ căn cước gắn chip",
                        en: "is not the QR code of a chip identity card"
                    )
                )
            )
        }
    }
}
