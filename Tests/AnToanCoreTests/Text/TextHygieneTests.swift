import AnToanCore
import Testing

@Suite("Text hygiene rules")
struct TextHygieneRuleTests {
    @Test("control characters are refused in every kind of text; line breaks only in multi-line text")
    func controls() {
        #expect(TextHygiene.problem(in: "Lê\u{0}Văn", as: .multiline) == .control(0))
        #expect(TextHygiene.problem(in: "a\u{7F}", as: .line) == .control(0x7F))
        #expect(TextHygiene.problem(in: "a\u{85}b", as: .multiline) == .control(0x85))
        #expect(TextHygiene.problem(in: "dòng 1\r\n\tdòng 2", as: .multiline) == nil)
        #expect(TextHygiene.problem(in: "dòng 1\ndòng 2", as: .line) == .control(0x0A))
        #expect(TextHygiene.problem(in: "Nguyễn Văn Đức", as: .name) == nil)
    }

    @Test("bidi controls and zero-width characters are refused in names only")
    func invisibles() {
        for value: UInt32 in [0x202A, 0x202E, 0x2066, 0x2069, 0x200B, 0x200D, 0x2060, 0xFEFF] {
            let text = "Sở" + String(Unicode.Scalar(value)!) + "Tư pháp"
            #expect(TextHygiene.problem(in: text, as: .name) == .invisible(value))
            #expect(TextHygiene.problem(in: text, as: .line) == nil)
        }
        #expect(TextHygiene.Problem.invisible(0x202E).codePoint == "U+202E")
        #expect(TextHygiene.Problem.control(0).codePoint == "U+0000")
    }
}
