import AnToanCore
import Foundation
import Vapor

/// The days a printed gate book covers (`from` and `to` in its query, dd/MM/yyyy): today by default, a year at
/// most; a bad day is an error beside its field and the book shows nothing.
struct BookPeriod {
    var today: SolarDate
    var from: SolarDate
    var to: SolarDate
    var errors = FieldChecker()

    init(_ req: Request) {
        today = VietnamTime.day(of: req.application.clock.now())
        let from = errors.date("from", req.query[String.self, at: "from"]).flatMap { SolarDate(iso: $0) } ?? today
        let to = errors.date("to", req.query[String.self, at: "to"]).flatMap { SolarDate(iso: $0) } ?? max(from, today)
        if to < from || from.days(to: to) > 366 {
            errors.add(
                "to",
                .invalid(vi: "cần sau ngày bắt đầu, tối đa một năm", en: "must follow the start, a year at most")
            )
        }
        self.from = from
        self.to = to
    }

    var isValid: Bool { errors.errors.isEmpty }
}
