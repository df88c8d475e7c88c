import AnToanCore
import Plot

/// The heading of a Vietnamese administrative document (NĐ 30/2020/NĐ-CP): the unit's name beside the national
/// motto, then the place and date line. Printed books, lists and minutes start with it.
struct DocumentHeading: PlainComponent {
    var unitName: String
    var place: String = ""
    /// The date line's day; none for a book whose title gives its period.
    var day: SolarDate?

    var body: any Component {
        Div {
            Div {
                Div {
                    Paragraph(unitName.uppercased()).class("bold")
                }
                Div {
                    Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").class("bold")
                    Paragraph("Độc lập - Tự do - Hạnh phúc").class("motto")
                }
            }
            .class("heading")
            if let day {
                Paragraph(
                    "\(place.isEmpty ? "" : place + ", ")ngày \(Self.two(day.day)) tháng \(Self.two(day.month)) năm \(day.year)"
                )
                .class("date")
            }
        }
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
