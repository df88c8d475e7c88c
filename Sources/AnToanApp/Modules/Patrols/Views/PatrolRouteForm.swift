import AnToanCore
import Foundation
import Plot

/// The fields of a route (name, order, "not before" gap, schedule), on the new-route page and folded on a
/// route's page.
enum PatrolRouteForm {
    static let routeForm = "route"

    struct NewModel {
        var unitID: UUID
        var unitName: String
        var failed: FormFailure?
    }

    static func newPage(_ model: NewModel, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: routeForm, failed: model.failed, context: context)
        return Div {
            H1(lang("Thêm tuyến tuần tra", "New patrol route"))
            Paragraph(model.unitName).class("muted")
            form.section(lang("Thêm tuyến", "Add the route"), url: .patrols(.routeNew(unit: model.unitID)), open: true)
            {
                fields(form, route: nil, lang)
            }
        }
    }

    /// The fields, filled with `route`'s values (or a night route's for a new one): every default saves.
    static func fields(_ form: NamedForm, route: PatrolRoute?, _ lang: Language) -> any Component {
        let orders = CheckpointOrder.allCases.map { ($0.rawValue, PatrolWords.order($0, lang)) }
        let kinds = [
            (PatrolSchedule.Kind.interval.rawValue, lang("Cách đều (mỗi N phút)", "Every N minutes")),
            (PatrolSchedule.Kind.rounds.rawValue, lang("Số lượt trong khung giờ", "A number of rounds in the span")),
        ]
        return ComponentGroup {
            form.text(
                "name",
                lang("Tên tuyến", "Route name"),
                max: PatrolLimits.name,
                initial: route?.name ?? lang("Tuyến tuần tra đêm", "Night patrol")
            )
            form.select(
                "order",
                lang("Thứ tự các điểm", "Checkpoint order"),
                orders,
                initial: route?.checkpointOrder ?? CheckpointOrder.fixed.rawValue
            )
            form.text(
                "minimum_gap_minutes",
                lang("Hai điểm cách nhau ít nhất (phút)", "At least this long between two checkpoints (min)"),
                type: .number,
                required: false,
                max: 3,
                initial: String((route?.minimumGap ?? 60) / 60)
            )
            form.select(
                "schedule_kind",
                lang("Cách chia lượt", "How rounds are set"),
                kinds,
                initial: route?.scheduleKind ?? PatrolSchedule.Kind.interval.rawValue
            )
            form.text(
                "start",
                lang("Từ giờ (HH:mm)", "From (HH:mm)"),
                type: .time,
                max: 5,
                initial: PatrolWords.clock(route?.startMinute ?? 22 * 60)
            )
            form.text(
                "end",
                lang("Đến giờ (HH:mm)", "To (HH:mm)"),
                type: .time,
                max: 5,
                initial: PatrolWords.clock(route?.endMinute ?? 5 * 60)
            )
            form.text(
                "every_minutes",
                lang("Mỗi lượt cách nhau (phút) — khi cách đều", "Minutes between rounds — when every N minutes"),
                type: .number,
                required: false,
                max: 4,
                initial: route.map { $0.everyMinutes.map(String.init) ?? "" } ?? "60"
            )
            form.text(
                "rounds",
                lang("Số lượt — khi chia theo số lượt", "Number of rounds — when a number of rounds"),
                type: .number,
                required: false,
                max: 2,
                initial: route.map { $0.rounds.map(String.init) ?? "" } ?? "3"
            )
            form.text(
                "window_minutes",
                lang("Phải xong trong (phút, để trống: cả lượt)", "To be done within (min; empty: the whole slot)"),
                type: .number,
                required: false,
                max: 4,
                initial: route?.windowMinutes.map(String.init) ?? ""
            )
        }
    }
}
