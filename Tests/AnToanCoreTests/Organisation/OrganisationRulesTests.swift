import AnToanCore
import Testing

@Suite("Organisation rules")
struct OrganisationRulesTests {
    @Test(
        "phones are normalised; anything else is refused",
        arguments: [
            ("0912 345 678", "0912345678"),
            ("+84 912.345.678", "0912345678"),
            ("024-3825-1234", "02438251234"),
            ("912345678", nil),
            ("09123456789012", nil),
            ("0912abc678", nil),
        ] as [(String, String?)]
    )
    func phones(raw: String, expected: String?) {
        #expect(ContactFormat.phone(raw) == expected)
    }

    @Test("e-mail addresses need one @ and a dotted domain")
    func emails() {
        #expect(ContactFormat.email(" An.Nguyen@SoTuPhap.gov.vn ") == "an.nguyen@sotuphap.gov.vn")
        #expect(ContactFormat.email("an nguyen@x.vn") == nil)
        #expect(ContactFormat.email("an@localhost") == nil)
        #expect(ContactFormat.email("@x.vn") == nil)
    }

    @Test("the An toàn standard leaves out small and micro enterprises, primary schools and below")
    func standard() {
        #expect(!AnToanStandard.applies(kind: .enterprise, size: .micro, level: nil))
        #expect(!AnToanStandard.applies(kind: .enterprise, size: .small, level: nil))
        #expect(AnToanStandard.applies(kind: .enterprise, size: .medium, level: nil))
        #expect(!AnToanStandard.applies(kind: .school, size: nil, level: .primary))
        #expect(!AnToanStandard.applies(kind: .school, size: nil, level: .kindergarten))
        #expect(!AnToanStandard.applies(kind: .school, size: nil, level: .nursery))
        #expect(AnToanStandard.applies(kind: .school, size: nil, level: .upperSecondary))
        #expect(AnToanStandard.applies(kind: .agency, size: nil, level: nil))
    }
}
