import AnToanCore
import Fluent
import Foundation
import Vapor

/// The duty log book: entries written during a shift, corrections and closings as new entries.
extension DutyWatch {

    /// The seat the account's person holds and has checked in to now: the log book and handovers need one.
    static func onDutySeat(
        of principal: Principal,
        at: Date,
        on db: any Database
    ) async throws -> (StaffMember, RosterSeat) {
        let member = try await member(of: principal, on: db)
        guard let seat = try await currentSeat(of: member, at: at, on: db),
            try await DutyCheckIn.query(on: db).filter(\.$seatID == (try seat.requireID())).first() != nil
        else {
            throw invalid(
                "seat",
                vi: "hãy nhận ca trước khi ghi sổ hoặc bàn giao",
                en: "check in to your shift before writing the log book or handing over"
            )
        }
        return (member, seat)
    }

    /// Writes an entry in the log book of the post the account's person is on duty at.
    static func write(
        kind: DutyLog.Kind,
        text: String?,
        refersTo: UUID?,
        by principal: Principal,
        on req: Request
    ) async throws -> DutyLogEntry {
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let text = checker.text("text", text, max: maxText, kind: .multiline)
        try checker.check()
        let (member, seat) = try await onDutySeat(of: principal, at: now, on: req.db)
        var book: [DutyLog.Entry] = []
        if let refersTo {
            let related = try await DutyLogEntry.query(on: req.db).filter(\.$unitID == seat.unitID)
                .filter(\.$post == seat.post)
                .group(.or) { $0.filter(\.$id == refersTo).filter(\.$refersTo == refersTo) }.all()
            book = related.map(\.logEntry)
        }
        do {
            try DutyLog.check(kind: kind, refersTo: refersTo?.uuidString, in: book)
        } catch {
            throw invalid("refers_to", vi: error.vietnamese, en: error.english)
        }
        let entry = DutyLogEntry()
        entry.unitID = seat.unitID
        entry.post = seat.post
        entry.seatID = try seat.requireID()
        entry.staffID = try member.requireID()
        entry.writtenAt = now
        entry.kind = kind.rawValue
        entry.text = text
        entry.refersTo = refersTo
        try await req.application.write { db in
            try await entry.insert(on: db)
            try await audit(
                principal,
                .create,
                "duty_log_entry",
                entry.id,
                ["kind": kind.rawValue, "text": text],
                now,
                db
            )
        }
        return entry
    }

    /// The open items of a post's log book, oldest first.
    static func openItems(unit: UUID, post: String, on db: any Database) async throws -> [DutyLogEntry] {
        let raised = try await DutyLogEntry.query(on: db).filter(\.$unitID == unit).filter(\.$post == post)
            .filter(\.$kind == DutyLog.Kind.open.rawValue).sort(\.$writtenAt).all()
        guard !raised.isEmpty else { return [] }
        var closing: [DutyLogEntry] = []
        for chunk in SQLBatch.chunks(raised.compactMap(\.id)) {
            closing += try await DutyLogEntry.query(on: db).filter(\.$refersTo ~~ chunk).all()
        }
        let open = Set(DutyLog.openItems((raised + closing).map(\.logEntry)))
        return raised.filter { open.contains($0.id?.uuidString ?? "") }
    }
}

extension DutyLog.Problem {
    var vietnamese: String {
        switch self {
        case .missingReference: "cần chỉ rõ mục được sửa hoặc được đóng"
        case .unknownReference: "không có mục này trong sổ của chốt"
        case .notOpen: "mục này không phải việc đang theo dõi, hoặc đã được đóng"
        case .alreadyCorrected: "mục này đã được sửa; hãy sửa bản mới nhất"
        }
    }

    var english: String {
        switch self {
        case .missingReference: "name the entry being corrected or closed"
        case .unknownReference: "there is no such entry in this post's book"
        case .notOpen: "this entry is not an open item, or it is already closed"
        case .alreadyCorrected: "this entry was already corrected; correct the latest version"
        }
    }
}
