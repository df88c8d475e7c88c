import AnToanCore
import Fluent
import Foundation
import Vapor

/// A tip as the public form or the API gives it: raw values, checked by `TipService.submit`.
struct TipSubmission: Sendable {
    var what: String?
    var place: String?
    var happened: String?
    /// `unit:<id>` or `area:<id>`; nil: the authority of the only top area.
    var target: String?
    var anonymous: Bool
    var contactName: String?
    var contactPhone: String?
    var photos: [File]? = nil
}

extension EventType {
    /// A new tip: its id, unit and area, never its sender's contact.
    static let tipReceived = EventType(rawValue: "tip.received")
    /// The sender answered a question or added information.
    static let tipAnswered = EventType(rawValue: "tip.answered")
}

/// Tips: sent by anyone, followed with a code, triaged by the unit or the authority.
enum TipService {
    static let entity = "tip"
    static let maxWhat = 4_000
    static let maxPlace = 300
    static let maxHappened = 200
    static let maxContactName = 120
    static let maxQuestion = 1_000
    static let maxAnswer = 4_000
    static let maxReason = 1_000
    /// The audit trail's name for a sender: never an address, never a name.
    static let senderActor = AuditActor(id: nil, name: "ẩn danh")

    /// Checks and stores a tip; returns it with its follow-up code, which is shown once and never stored.
    static func submit(_ input: TipSubmission, clientAddress: String, on app: Application) async throws -> (Tip, String)
    {
        let now = app.clock.now()
        var checker = FieldChecker()
        let what = checker.text("what", input.what, max: maxWhat, kind: .multiline)
        let place = checker.text("place", input.place, max: maxPlace)
        let happened = checker.text("happened", input.happened, max: maxHappened, optional: true)
        var contactName: String?
        var contactPhone: String?
        if !input.anonymous {
            let name = checker.name("contact_name", input.contactName, max: maxContactName, optional: true)
            contactName = name.isEmpty ? nil : name
            contactPhone = checker.phone("contact_phone", input.contactPhone)
        }
        let target = try await target(input.target, into: &checker, on: app.db)
        let photos = PhotoUpload.check(input.photos, field: "photos", keep: .orientationOnly, into: &checker)
        try checker.check()
        guard let target else { throw AppError.invalidFields(checker.errors) }

        let code = newCode()
        let tip = Tip()
        tip.codeHash = hash(code)
        tip.status = TipStatus.received.rawValue
        tip.unitID = try target.unit?.requireID()
        tip.areaPath = target.area
        tip.what = what
        tip.place = place
        tip.happened = happened
        tip.anonymous = contactName == nil && contactPhone == nil
        tip.contactName = contactName
        tip.contactPhone = contactPhone
        tip.receivedAt = now
        let throttleKey = TipThrottle.key(clientAddress, secret: app.secret)
        try await app.write { db in
            try await TipThrottle.count(throttleKey, now: now, on: db)
            try await tip.insert(on: db)
            let tipID = try tip.requireID()
            for (position, photo) in photos.enumerated() {
                try await TipPhoto(tipID: tipID, position: position, upload: photo, at: now).insert(on: db)
            }
            var snapshot = tip.auditSnapshot
            snapshot["photos"] = String(photos.count)
            try await AuditTrail.record(
                on: db,
                actor: senderActor,
                action: .create,
                entity: entity,
                entityID: tipID.uuidString,
                before: nil,
                after: snapshot,
                now: now
            )
            try await Outbox.publish(
                .tipReceived,
                payload: TipEventDTO(tip),
                unit: tip.unitID,
                area: AreaPath(tip.areaPath),
                on: db,
                now: now
            )
            try await Notifications.send(
                to: try await TipRecipients.accounts(unit: tip.unitID, area: tip.areaPath, on: db),
                title: LocalizedText(vi: "Tin báo mới: \(summary(what))", en: "New tip: \(summary(what))"),
                link: SiteURL.tips(.tip(tipID)).path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: tipID,
                on: db,
                now: now
            )
        }
        return (tip, TipCode.grouped(code))
    }

    static var unknownCode: AppError {
        .invalidFields([
            FieldError(
                field: "code",
                reason: .invalid(
                    vi: "không có tin báo nào với mã này; hãy kiểm tra lại từng ký tự",
                    en: "no tip has this code; check it character by character"
                )
            )
        ])
    }

    /// The sender's answer to a question, or more information: by the code, with photos.
    static func answer(
        code: String?,
        text: String?,
        photos files: [File]?,
        clientAddress: String,
        on app: Application
    ) async throws -> Tip {
        let now = app.clock.now()
        var checker = FieldChecker()
        let text = checker.text("text", text, max: maxAnswer, kind: .multiline)
        let photos = PhotoUpload.check(files, field: "photos", keep: .orientationOnly, into: &checker)
        let found = try await TipQueries.tip(code: code, on: app.db)
        try checker.check()
        let tipID = try found.requireID()
        let throttleKey = TipThrottle.key(clientAddress, secret: app.secret)
        return try await app.write { db in
            guard let tip = try await db.lockedRow(Tip.self, tipID) else { throw unknownCode }
            let status: TipStatus
            switch TipTriage.senderAdds(on: tip.statusValue) {
            case .success(let next): status = next
            case .failure: throw invalid("text", problem: .alreadyDecided)
            }
            try await TipThrottle.count(throttleKey, now: now, on: db)
            let before = tip.auditSnapshot
            let asker = try await TipMessage.query(on: db).filter(\.$tipID == tipID)
                .filter(\.$kind == TipMessage.Kind.question.rawValue).sort(\.$writtenAt, .descending).first()?.authorID
            tip.status = status.rawValue
            try await tip.persist(on: db)
            try await TipMessage(tipID: tipID, kind: .answer, text: text, at: now).insert(on: db)
            let first = try await TipPhoto.query(on: db).filter(\.$tipID == tipID).count()
            for (offset, photo) in photos.enumerated() {
                try await TipPhoto(tipID: tipID, position: first + offset, upload: photo, at: now).insert(on: db)
            }
            var after = tip.auditSnapshot
            after["answer"] = text
            after["photos_added"] = String(photos.count)
            try await AuditTrail.record(
                on: db,
                actor: senderActor,
                action: .update,
                entity: entity,
                entityID: tipID.uuidString,
                before: before,
                after: after,
                now: now
            )
            try await Outbox.publish(
                .tipAnswered,
                payload: TipEventDTO(tip),
                unit: tip.unitID,
                area: AreaPath(tip.areaPath),
                on: db,
                now: now
            )
            var told: Set<UUID> = []
            if let asker {
                told = [asker]
            } else {
                told = try await TipRecipients.accounts(unit: tip.unitID, area: tip.areaPath, on: db)
            }
            try await Notifications.send(
                to: told,
                title: LocalizedText(
                    vi: "Người báo tin đã bổ sung: \(summary(tip.what))",
                    en: "The sender added to a tip: \(summary(tip.what))"
                ),
                link: SiteURL.tips(.tip(tipID)).path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: tipID,
                on: db,
                now: now
            )
            return tip
        }
    }

    /// Where a tip goes: the unit or area posted, else the only top area; a field error otherwise.
    private static func target(
        _ value: String?,
        into checker: inout FieldChecker,
        on db: any Database
    ) async throws -> (unit: OrgUnit?, area: String)? {
        if let value, !value.isEmpty {
            guard let target = try await TipTargets.resolve(value, on: db) else {
                checker.add("target", .notFound)
                return nil
            }
            return target
        }
        let tops = try await TipTargets.topAreas(on: db)
        guard tops.count == 1, let only = try await TipTargets.resolve(tops[0].value, on: db) else {
            checker.add(
                "target",
                .invalid(vi: "hãy chọn đơn vị hoặc địa bàn liên quan", en: "choose the unit or area concerned")
            )
            return nil
        }
        return only
    }

    /// 15 random bytes as a code (120 bits), without its dashes.
    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<TipCode.byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TipCode.normalized(TipCode.make(from: bytes)) ?? ""
    }

    static func hash(_ normalizedCode: String) -> String {
        SecretToken.hash("tip:" + normalizedCode)
    }

    /// The first words of a tip, for a notification's title.
    static func summary(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }

    static func invalid(_ field: String, problem: TipTriage.Problem) -> AppError {
        let (vi, en): (String, String) =
            switch problem {
            case .alreadyDecided: ("tin báo này đã được xử lý xong", "this tip has already been decided")
            case .textRequired: ("bắt buộc phải nhập", "is required")
            case .noQuestion: ("không có câu hỏi nào đang chờ trả lời", "no question is waiting for an answer")
            }
        return .invalidFields([FieldError(field: field, reason: .invalid(vi: vi, en: en))])
    }
}
