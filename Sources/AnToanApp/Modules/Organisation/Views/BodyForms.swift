import AnToanCore
import Plot

/// The forms of the bodies pages: a body (new, or an edit of one) and a routing rule.
enum BodyForms {
    /// The choices the forms offer.
    struct Options {
        /// Current areas, as `(id, "name (code)")`.
        var areas: [(value: String, label: String)] = []
        /// Every body, as `(id, "name (code)")`.
        var bodies: [(value: String, label: String)] = []
    }

    /// Steps a rule's form offers; the API takes up to `RoutingRuleInput.maxBodies`.
    static let ruleSteps = 1...4

    /// A new body when `editing` is nil, else the edit form of that body.
    static func body(
        _ editing: BodyPage.Model?,
        _ options: Options,
        failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: "body", failed: failed, context: context)
        let initial = { (field: String) in editing?.values[field] ?? "" }
        let others = options.bodies.filter { $0.value != editing?.id.uuidString }
        return form.section(
            editing == nil ? lang("Thêm cơ quan quản lý", "Add a supervising body") : lang("Sửa", "Change"),
            url: editing.map { SiteURL.body($0.id) } ?? SiteURL.bodies,
            open: editing != nil
        ) {
            if editing == nil {
                form.text("code", lang("Mã", "Code"), max: 32)
            }
            form.text("name", lang("Tên", "Name"), initial: initial("name"))
            form.select(
                "kind",
                lang("Loại", "Kind"),
                BodyKind.allCases.map { ($0.rawValue, OrganisationLabels.body($0.rawValue, lang)) },
                initial: initial("kind")
            )
            form.select("area_id", lang("Địa bàn", "Area"), options.areas, initial: initial("area_id"))
            form.select(
                "reports_to_id",
                lang("Báo cáo lên", "Reports to"),
                [("", "—")] + others,
                initial: initial("reports_to_id")
            )
        }
    }

    static func rule(_ options: Options, failed: FormFailure?, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: "rule", failed: failed, context: context)
        return form.section(lang("Thêm quy tắc", "Add a rule"), url: .routingRules) {
            form.select(
                "purpose",
                lang("Mục đích", "Purpose"),
                RoutingPurpose.allCases.map { ($0.rawValue, OrganisationLabels.purpose($0.rawValue, lang)) }
            )
            form.select(
                "unit_kind",
                lang("Loại đơn vị", "Unit kind"),
                [("", lang("Mọi loại", "Any"))]
                    + UnitKind.allCases.map { ($0.rawValue, OrganisationLabels.kind($0, lang)) }
            )
            form.select("area_id", lang("Địa bàn", "Area"), [("", lang("Mọi địa bàn", "Anywhere"))] + options.areas)
            for step in ruleSteps {
                form.select(
                    "step\(step)",
                    lang("Bước \(step)", "Step \(step)"),
                    (step == 1 ? [] : [("", "—")]) + options.bodies
                )
            }
        }
    }
}
