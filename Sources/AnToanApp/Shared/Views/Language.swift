/// The two languages of the interface. Vietnamese first; English on request.
enum Language: String, Codable, Sendable, CaseIterable {
    case vi
    case en

    /// Picks the Vietnamese or the English text: `lang("Đăng xuất", "Sign out")`.
    func callAsFunction(_ vietnamese: String, _ english: String) -> String {
        self == .vi ? vietnamese : english
    }
}
