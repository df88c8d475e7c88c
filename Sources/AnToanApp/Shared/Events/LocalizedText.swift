/// A text in both languages of the interface, kept until the reader's language is known.
struct LocalizedText: Codable, Hashable, Sendable {
    var vi: String
    var en: String

    init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    func text(in language: Language) -> String {
        language(vi, en)
    }
}
