import Plot

/// The public tip form: no account needed; anonymous with one box ticked.
enum TipFormPage {
    struct Model {
        var values: [String: String] = [:]
        var errors = FieldChecker()
        /// Where the tip may go: the top areas, and the units and areas the search found.
        var targets: [TipTargets.Target] = []
        var search = ""
        /// The one top area a tip that names nothing goes to.
        var defaultTarget: TipTargets.Target?
    }

    static let labels = [
        "what": ("Sự việc bạn muốn báo", "What you want to report"),
        "place": ("Ở đâu", "Where"),
        "happened": ("Khi nào", "When"),
        "target": ("Gửi đến", "Send to"),
        "photos": ("Ảnh (không bắt buộc)", "Photos (optional)"),
        "contact_name": ("Họ tên", "Name"),
        "contact_phone": ("Số điện thoại", "Phone"),
    ]

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let errors = model.errors
        func value(_ field: String) -> String { model.values[field] ?? "" }
        let targetOptions: [(value: String, label: String)] =
            [
                (
                    "",
                    model.defaultTarget.map {
                        lang("Không rõ đơn vị — \($0.name)", "Unit not known — \($0.name)")
                    }
                        ?? lang("— Chọn —", "— Choose —")
                )
            ] + model.targets.map { ($0.value, $0.name) }
        return Div {
            H1(lang("Gửi tin báo / tố giác", "Send a tip"))
            Paragraph(
                lang(
                    "Bạn không cần tài khoản. Nếu chọn gửi ẩn danh, hệ thống không lưu tên, số điện thoại hay địa chỉ "
                        + "mạng của bạn. Sau khi gửi, bạn nhận một mã theo dõi để xem kết quả và bổ sung thông tin.",
                    "You need no account. If you send anonymously, nothing is kept of your name, phone or network "
                        + "address. After sending you get a follow-up code to see what became of it and add to it."
                )
            )
            Paragraph(
                lang(
                    "Việc khẩn cấp, đang xảy ra: hãy gọi ngay 113 (Công an) hoặc 114 (cứu hỏa).",
                    "Urgent, happening now: call 113 (police) or 114 (fire) at once."
                )
            )
            .class("flash flash-info")
            Form(url: SiteURL.tips(.submit).path, method: .get) {
                Div {
                    FormField(
                        name: "q",
                        label: lang("Tìm đơn vị hoặc xã, phường liên quan", "Find the unit or commune concerned"),
                        value: model.search,
                        required: false,
                        maxLength: 100
                    )
                    Button(lang("Tìm", "Search")).attribute(named: "type", value: "submit").class("secondary")
                }
                .class("filters")
            }
            Form(url: SiteURL.tips(.submit).path, method: .post) {
                ErrorSummary(errors: errors, labels: labels.mapValues { lang($0.0, $0.1) }, lang: lang)
                Input(type: .hidden, name: "_csrf", value: context.csrf)
                TipFields.textArea(
                    "what",
                    lang("Sự việc bạn muốn báo", "What you want to report"),
                    value: value("what"),
                    error: errors.message(for: "what", lang),
                    max: TipService.maxWhat
                )
                FormField(
                    name: "place",
                    label: lang("Ở đâu (địa chỉ, địa điểm)", "Where (address, place)"),
                    value: value("place"),
                    error: errors.message(for: "place", lang),
                    maxLength: TipService.maxPlace
                )
                FormField(
                    name: "happened",
                    label: lang("Khi nào (ví dụ: tối 03/12 khoảng 21 giờ)", "When (e.g. 3 Dec, around 9 pm)"),
                    value: value("happened"),
                    error: errors.message(for: "happened", lang),
                    required: false,
                    maxLength: TipService.maxHappened
                )
                SelectField(
                    name: "target",
                    label: lang("Gửi đến", "Send to"),
                    options: targetOptions,
                    selected: value("target"),
                    error: errors.message(for: "target", lang),
                    required: model.defaultTarget == nil
                )
                TipFields.photos(
                    lang(
                        "Ảnh (không bắt buộc, tối đa \(PhotoUpload.maxCount) ảnh, mỗi ảnh 8 MB; vị trí trong ảnh bị xoá)",
                        "Photos (optional, up to \(PhotoUpload.maxCount), 8 MB each; their location is removed)"
                    ),
                    error: errors.message(for: "photos", lang)
                )
                Div {
                    Input(type: .checkbox, name: "anonymous", value: "on").id("anonymous")
                        .attribute(named: "checked", value: value("anonymous") == "on" ? "checked" : "")
                    Label(lang("Gửi ẩn danh (không lưu thông tin liên hệ)", "Send anonymously (no contact kept)")) {}
                        .attribute(named: "for", value: "anonymous")
                }
                .class("choice")
                Div {
                    H2(
                        lang(
                            "Liên hệ (không bắt buộc; bỏ qua nếu gửi ẩn danh)",
                            "Contact (optional; skipped if anonymous)"
                        )
                    )
                    FormField(
                        name: "contact_name",
                        label: lang("Họ tên", "Name"),
                        value: value("contact_name"),
                        error: errors.message(for: "contact_name", lang),
                        autocomplete: "name",
                        required: false,
                        maxLength: TipService.maxContactName
                    )
                    FormField(
                        name: "contact_phone",
                        label: lang("Số điện thoại", "Phone"),
                        type: .tel,
                        value: value("contact_phone"),
                        error: errors.message(for: "contact_phone", lang),
                        autocomplete: "tel",
                        required: false,
                        maxLength: 20
                    )
                }
                Button(lang("Gửi tin báo", "Send the tip")).attribute(named: "type", value: "submit").class("wide")
            }
            .attribute(named: "enctype", value: "multipart/form-data")
            .class("card")
            Paragraph {
                Link(
                    lang("Đã gửi tin? Theo dõi tin báo bằng mã", "Sent one? Follow it with your code"),
                    url: SiteURL.tips(.follow).path
                )
            }
        }
    }

    /// The code, shown once: the page asks the sender to write it down.
    static func receipt(code: String, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đã nhận tin báo của bạn", "Your tip was received"))
            Paragraph(
                lang(
                    "Hãy ghi lại mã theo dõi dưới đây. Mã chỉ hiện một lần; không có mã thì không xem lại được tin báo.",
                    "Write down the follow-up code below. It is shown only once; without it the tip cannot be found again."
                )
            )
            .class("flash flash-info")
            Paragraph(code).class("tip-code").id("tip-code")
            Paragraph(
                lang(
                    "Dùng mã này ở trang “Theo dõi tin báo” để xem kết quả xử lý và trả lời câu hỏi của cơ quan chức năng.",
                    "Use it on the “Follow a tip” page to see what was done and to answer the authorities' questions."
                )
            )
            Paragraph {
                Link(lang("Theo dõi tin báo", "Follow a tip"), url: SiteURL.tips(.follow).path)
            }
        }
        .class("card")
    }
}
