import AnToanCore
import Foundation
import Plot

/// The page of the person on duty, made for a phone: check in and out, the crew, the post's log book for the
/// shift with the items carried over, and the handover to and from the neighbouring shifts.
enum DutyDeskPage {
    struct Model {
        var desk: DutyDesk
        var failed: FormFailure?
        /// The post's equipment, counted at the handover.
        var equipment: [EquipmentItem] = []
        /// What the previous shift's count found, if it counted.
        var previousCount: (total: Int, missing: [String])?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let desk = model.desk
        return Div {
            H1(lang("Trực ca", "On duty"))
            Paragraph("\(desk.memberName) · \(desk.unitName)").class("muted")
            if let error = ["seat", "staff", "handover", "counts"].lazy.compactMap({
                model.failed?.errors.message(for: $0, lang)
            }
            )
            .first {
                Paragraph(error).class("flash flash-error").attribute(named: "role", value: "alert")
            }
            if let seat = desk.seat {
                shiftCard(seat, desk, model.failed, context)
                if let incoming = desk.incoming {
                    incomingCard(incoming, desk, model.equipment, model.previousCount, context)
                }
                logCard(desk, model.failed, context)
                handoverCard(desk, model.failed, model.equipment, context)
            } else {
                Div {
                    Paragraph(lang("Bạn không có ca trực nào lúc này.", "You have no shift now."))
                }
                .class("card")
            }
            if !desk.upcoming.isEmpty {
                H2(lang("Ca sắp tới", "Coming shifts"))
                List(desk.upcoming) { seat in ListItem(Text(seatLine(seat, desk.names, lang))) }
            }
        }
    }

    /// The desk of an account that is not linked to anyone on the unit's staff.
    static func unlinked(_ errors: FieldChecker, _ context: PageContext) -> any Component {
        Div {
            H1(context.lang("Trực ca", "On duty"))
            Paragraph(errors.message(for: "staff", context.lang) ?? "").class("card")
        }
    }

    /// "02/02/2027 (26/12 âm) · Ca ngày 07:00–19:00 · Cổng chính · Lãnh đạo trực".
    static func seatLine(_ seat: RosterSeat, _ names: DutyNames, _ lang: Language) -> String {
        let day = SolarDate(iso: seat.date).map { VietnamTime.dayWithLunar($0, lang) } ?? seat.date
        return "\(day) · \(names.shift(post: seat.post, seat.shift, lang)) · \(names.post(seat.post, lang)) · "
            + RosterGrid.roleName(seat.role, lang)
    }

    /// Ending the shift more than this long before its end asks for a reason.
    static func endsEarly(_ seat: RosterSeat, at now: Date) -> Bool {
        now < seat.endsAt.addingTimeInterval(-DutyWatch.earlyEnd)
    }

    static func statusText(_ status: AttendanceRule.Status, _ lang: Language) -> String {
        switch status {
        case .onTime: lang("đã nhận ca, đúng giờ", "checked in on time")
        case .late: lang("đã nhận ca, muộn", "checked in late")
        case .expected: lang("chờ nhận ca", "not checked in yet")
        case .missing: lang("chưa nhận ca, quá giờ", "not checked in, overdue")
        case .absent: lang("vắng mặt", "absent")
        }
    }

    /// Ending the shift; more than an hour before its end, with the reason it asks for.
    private static func checkOutForm(
        _ seat: RosterSeat,
        _ desk: DutyDesk,
        _ failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        return PostForm(url: .dutyCheckOut, csrf: context.csrf) {
            if endsEarly(seat, at: desk.now) {
                textArea(
                    "reason",
                    lang(
                        "Lý do kết thúc sớm (ca hết lúc \(VietnamTime.time(seat.endsAt)))",
                        "Why the shift ends early (it ends at \(VietnamTime.time(seat.endsAt)))"
                    ),
                    FormFailure.value(failed, "seat", "reason"),
                    FormFailure.errors(failed, "seat").message(for: "reason", lang)
                )
            }
            Button(lang("Kết thúc ca", "End the shift")).attribute(named: "type", value: "submit")
                .class("secondary wide")
        }
    }

    private static func shiftCard(
        _ seat: RosterSeat,
        _ desk: DutyDesk,
        _ failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        return Div {
            H2(lang("Ca trực", "Shift"))
            Paragraph(seatLine(seat, desk.names, lang))
            if let me = desk.me {
                if let checkedIn = me.checkedInAt {
                    if let out = me.checkedOutAt {
                        Paragraph(lang("Đã kết thúc ca lúc ", "Shift ended at ") + VietnamTime.time(out))
                            .class("state").id("shift-state")
                    } else {
                        Paragraph(lang("Đang trong ca", "On shift")).class("state state-on").id("shift-state")
                    }
                    Paragraph(
                        lang("Nhận ca lúc ", "Checked in at ") + VietnamTime.time(checkedIn) + " — "
                            + statusText(me.status, lang)
                    )
                    .class("status-\(me.status.rawValue)")
                    if me.checkedOutAt == nil { checkOutForm(seat, desk, failed, context) }
                } else if !DutyWatch.rule.accepts(start: seat.startsAt, end: seat.endsAt, at: desk.now) {
                    // The desk still shows a shift for a few hours after it ends (its log book, its handover);
                    // the check-in's own rule says it is closed, so no button that can only be refused.
                    Paragraph(lang("Ca đã kết thúc, không nhận ca (vắng mặt)", "The shift ended without a check-in"))
                        .class("state").id("shift-state")
                } else {
                    Paragraph(lang("Chưa nhận ca", "Not checked in")).class("state").id("shift-state")
                    PostForm(url: .dutyCheckIn, csrf: context.csrf) {
                        Button(lang("Nhận ca", "Check in")).attribute(named: "type", value: "submit").class("wide")
                    }
                }
            }
            H2(lang("Cùng ca", "On this shift"))
            List(desk.crew) { person in
                ListItem {
                    Text(person.name + (person.role == "leader" ? lang(" (chỉ huy)", " (leader)") : "") + ": ")
                    Span(statusText(person.status, lang)).class("status-\(person.status.rawValue)")
                }
            }
        }
        .class("card")
    }

    private static func incomingCard(
        _ handover: DutyDesk.Handover,
        _ desk: DutyDesk,
        _ equipment: [EquipmentItem],
        _ previousCount: (total: Int, missing: [String])?,
        _ context: PageContext
    )
        -> any Component
    {
        let lang = context.lang
        return Div {
            H2(lang("Bàn giao từ ca trước", "Handover from the previous shift"))
            Paragraph("\(handover.handedBy), \(VietnamTime.dateTime(handover.handedAt)) — \(fromText(desk, lang))")
            Paragraph(handover.notes)
            Paragraph(
                lang(
                    "Việc chuyển giao: \(handover.openItems.count)",
                    "Open items handed over: \(handover.openItems.count)"
                )
            )
            // Read before the receiving count, not under its button.
            if let previousCount { HandoverCountForm.previous(previousCount, lang) }
            if let receivedAt = handover.receivedAt {
                Paragraph(
                    lang("Đã xác nhận nhận bàn giao: ", "Handover accepted by ") + "\(handover.receivedBy ?? ""), "
                        + VietnamTime.dateTime(receivedAt)
                )
                .class("status-on_time")
            } else {
                PostForm(url: .dutyReceive(handover.id), csrf: context.csrf) {
                    HandoverCountForm.fields(equipment, prefix: "receive", lang)
                    Button(lang("Xác nhận nhận bàn giao", "Accept the handover"))
                        .attribute(named: "type", value: "submit").class("wide")
                }
            }
        }
        .class("card")
    }

    private static func logCard(
        _ desk: DutyDesk,
        _ failed: FormFailure?,
        _ context: PageContext
    )
        -> any Component
    {
        let lang = context.lang
        return Div {
            H2(lang("Sổ nhật ký trực ban", "Duty log book"))
            if !desk.openItems.isEmpty {
                H2(lang("Việc đang theo dõi", "Open items"))
                El("ul", ["class": "entries"]) {
                    for item in desk.openItems {
                        ListItem {
                            El("strong") { Text(item.text) }
                            Paragraph("\(item.author), \(VietnamTime.dateTime(item.writtenAt))").class("muted")
                            entryForm(
                                kind: .close,
                                item: item.id,
                                summary: lang("Đóng việc", "Close the item"),
                                label: lang("Đã xử lý thế nào", "How it was dealt with"),
                                failed: failed,
                                context
                            )
                        }
                    }
                }
            }
            H2(lang("Ghi trong ca", "This shift"))
            if desk.lines.isEmpty {
                Paragraph(lang("Chưa có mục nào.", "No entries yet.")).class("muted")
            }
            El("ul", ["class": "entries"]) {
                for line in desk.lines {
                    ListItem {
                        Span(VietnamTime.time(line.writtenAt) + " · " + line.author + " · " + kindText(line.kind, lang))
                            .class("muted")
                        Paragraph(line.text).class(line.correctedBy == nil ? "" : "struck")
                        if line.correctedBy == nil, line.kind != .close {
                            entryForm(
                                kind: .correction,
                                item: line.id,
                                summary: lang("Sửa (ghi mục mới)", "Correct (as a new entry)"),
                                label: lang("Nội dung đúng", "Corrected text"),
                                failed: failed,
                                context
                            )
                        }
                    }
                }
            }
            let errors = FormFailure.errors(failed, "entry")
            PostForm(url: .dutyLog, csrf: context.csrf) {
                Input(type: .hidden, name: "kind", value: "note")
                textArea(
                    "text",
                    lang("Ghi sổ", "New entry"),
                    FormFailure.value(failed, "entry", "text"),
                    errors.message(for: "text", lang)
                )
                Div {
                    Input(type: .checkbox, name: "follow_up", value: "on").id("follow_up")
                        .class("check")
                    Label(lang(" Cần theo dõi, bàn giao cho ca sau", " Needs follow-up: hand it over")) {}
                        .attribute(named: "for", value: "follow_up")
                }
                .class("field")
                Button(lang("Ghi sổ", "Write")).attribute(named: "type", value: "submit").class("wide")
            }
        }
        .class("card")
    }

    private static func handoverCard(
        _ desk: DutyDesk,
        _ failed: FormFailure?,
        _ equipment: [EquipmentItem],
        _ context: PageContext
    )
        -> any Component
    {
        let lang = context.lang
        return Div {
            H2(lang("Bàn giao ca", "Handover"))
            if let outgoing = desk.outgoing {
                Paragraph(
                    lang("Đã bàn giao lúc ", "Handed over at ") + VietnamTime.dateTime(outgoing.handedAt) + ": "
                        + outgoing.notes
                )
                if let receivedAt = outgoing.receivedAt {
                    Paragraph(
                        lang("Ca sau đã xác nhận nhận bàn giao: ", "Handover accepted by ")
                            + "\(outgoing.receivedBy ?? ""), " + VietnamTime.dateTime(receivedAt)
                    )
                    .class("status-on_time")
                } else {
                    Paragraph(
                        lang(
                            "Đang chờ ca sau xác nhận nhận bàn giao.",
                            "Waiting for the next shift to accept the handover."
                        )
                    )
                    .class("status-missing")
                }
            } else if desk.me?.checkedInAt == nil {
                Paragraph(
                    lang(
                        "Nhận ca trước, rồi bàn giao vào giờ cuối của ca.",
                        "Check in first; hand over in the last hour of the shift."
                    )
                )
                .class("muted")
            } else if let next = desk.nextSeat {
                Paragraph(
                    lang("Ca sau: ", "Next shift: ") + desk.names.shift(post: next.post, next.shift, lang) + " · "
                        + (SolarDate(iso: next.date)?.dmy ?? next.date)
                )
                .class("muted")
                PostForm(url: .dutyHandover, csrf: context.csrf) {
                    textArea(
                        "notes",
                        lang(
                            "Tình hình ca trực, tài sản, việc chuyển giao",
                            "Situation, equipment, items to hand over"
                        ),
                        FormFailure.value(failed, "handover", "notes"),
                        FormFailure.errors(failed, "handover").message(for: "notes", lang)
                    )
                    Paragraph(
                        lang(
                            "\(desk.openItems.count) việc đang theo dõi sẽ được chuyển cho ca sau.",
                            "\(desk.openItems.count) open items will be handed over."
                        )
                    )
                    .class("muted")
                    HandoverCountForm.fields(equipment, prefix: "handover", lang)
                    Button(lang("Bàn giao ca", "Hand over")).attribute(named: "type", value: "submit").class("wide")
                }
            } else {
                Paragraph(lang("Lịch trực chưa có ca sau ở chốt này.", "The roster has no next shift at this post."))
                    .class("muted")
            }
        }
        .class("card")
    }

    private static func entryForm(
        kind: DutyLog.Kind,
        item: UUID,
        summary: String,
        label: String,
        failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let formID = "\(kind.rawValue)-\(item.uuidString.lowercased())"
        let mine = failed?.values["refers_to"] == item.uuidString.lowercased()
        let errors = mine ? FormFailure.errors(failed, "entry") : FieldChecker()
        return El("details", mine ? ["open": "open"] : [:]) {
            El("summary") { Text(summary) }
            PostForm(url: .dutyLog, csrf: context.csrf) {
                Input(type: .hidden, name: "kind", value: kind.rawValue)
                Input(type: .hidden, name: "refers_to", value: item.uuidString.lowercased())
                textArea(
                    "text",
                    label,
                    mine ? FormFailure.value(failed, "entry", "text") : "",
                    errors.message(for: "text", context.lang) ?? errors.message(for: "refers_to", context.lang),
                    id: formID
                )
                Button(summary).attribute(named: "type", value: "submit").class("secondary")
            }
        }
    }

    private static func textArea(
        _ name: String,
        _ label: String,
        _ value: String,
        _ error: String?,
        id: String? = nil
    )
        -> any Component
    {
        let id = id ?? name
        return Div {
            Label(label) {}.attribute(named: "for", value: id)
            El("textarea", ["name": name, "id": id, "rows": "3", "maxlength": "2000", "required": "required"]) {
                Text(value)
            }
            if let error { Paragraph(error).class("field-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }

    /// "Ca ngày 07:00–19:00 · 02/02/2027": the shift an incoming handover came from.
    private static func fromText(_ desk: DutyDesk, _ lang: Language) -> String {
        guard let from = desk.incomingFrom else { return desk.incoming?.from ?? "" }
        return desk.names.shift(post: from.post, from.shift, lang) + " · " + DutyWatch.dmy(from.date)
    }

    static func kindText(_ kind: DutyLog.Kind, _ lang: Language) -> String {
        switch kind {
        case .note: lang("ghi nhận", "note")
        case .open: lang("cần theo dõi", "open item")
        case .close: lang("đóng việc", "closed an item")
        case .correction: lang("sửa mục trước", "correction")
        }
    }
}
