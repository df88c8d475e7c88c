import AnToanCore
import Testing

@Suite("Gate: identity documents, the CCCD's QR code and the watchlist")
struct GateRulesTests {
    static let card =
        "079085001234|025123456|Nguyễn Văn Đức|01021985|Nam|12 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh|15082021"

    @Test("a chip card's QR fills number, old number, name, date of birth, sex, address and date of issue")
    func cardCode() throws {
        let card = try CCCDQR.parse(Self.card).get()
        #expect(card.number == "079085001234")
        #expect(card.oldNumber == "025123456")
        #expect(card.fullName == "Nguyễn Văn Đức")
        #expect(card.birthDate == SolarDate(year: 1985, month: 2, day: 1))
        #expect(card.sex == "Nam")
        #expect(card.address == "12 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh")
        #expect(card.issueDate == SolarDate(year: 2021, month: 8, day: 15))
    }

    @Test("a card without an old number, with fields after the seven, and with a line break after it reads too")
    func cardVariants() throws {
        let newer = try CCCDQR.parse("001199012345||Lê Thị  Hoa|29022000|Nữ|Hà Nội|01072024|extra|\n").get()
        #expect(newer.oldNumber == nil)
        #expect(newer.fullName == "Lê Thị Hoa")
        #expect(newer.birthDate == SolarDate(year: 2000, month: 2, day: 29))
        #expect(newer.issueDate == SolarDate(year: 2024, month: 7, day: 1))
    }

    @Test(
        "what is not a card's code is refused with the reason",
        arguments: [
            ("", CCCDQR.Problem.notACardCode),
            ("https://example.vn/p/abc", .notACardCode),
            ("079085001234|025123456|Nguyễn Văn Đức|01021985|Nam|Hà Nội", .notACardCode),
            ("79085001234|025123456|Nguyễn Văn Đức|01021985|Nam|Hà Nội|15082021", .badNumber),
            ("07908500123A||Nguyễn Văn Đức|01021985|Nam|Hà Nội|15082021", .badNumber),
            ("079085001234|0251|Nguyễn Văn Đức|01021985|Nam|Hà Nội|15082021", .badOldNumber),
            ("079085001234|| |01021985|Nam|Hà Nội|15082021", .missingName),
            ("079085001234||Nguyễn Văn Đức|31021985|Nam|Hà Nội|15082021", .badBirthDate),
            ("079085001234||Nguyễn Văn Đức|1985-02-01|Nam|Hà Nội|15082021", .badBirthDate),
            ("079085001234||Nguyễn Văn Đức|01021985|Nam|Hà Nội|150821", .badIssueDate),
            (String(repeating: "1|", count: 400), .notACardCode),
        ]
    )
    func badCardCodes(text: String, problem: CCCDQR.Problem) {
        #expect(CCCDQR.parse(text) == .failure(problem))
    }

    @Test("document numbers: CCCD 12 digits, CMND 9 or 12, passport 6–9 letters and digits, other 4–20")
    func documentNumbers() {
        let accepted: [(DocumentType, String, String)] = [
            (.citizenID, "079085001234", "079085001234"),
            (.citizenID, "079 085 001 234", "079085001234"),
            (.oldID, "025123456", "025123456"),
            (.oldID, "025.123.456", "025123456"),
            (.oldID, "079085001234", "079085001234"),
            (.passport, "c1234567", "C1234567"),
            (.passport, "123456789", "123456789"),
            (.other, "GPLX-790123", "GPLX-790123"),
        ]
        for (type, typed, stored) in accepted {
            #expect(type.check(typed) == .success(stored), "\(type) \(typed)")
        }
        let refused: [(DocumentType, String)] = [
            (.citizenID, "07908500123"), (.citizenID, "0790850012345"), (.citizenID, "07908500123X"),
            (.citizenID, ""), (.oldID, "0251234567"), (.oldID, "02512345"), (.passport, "ABCDEFG"),
            (.passport, "C12"), (.passport, "C12345678901"), (.passport, "C123_4567"), (.other, "AB1"),
            (.other, "Kiểm thử 1"), (.citizenID, "０７９０８５００１２３４"),
        ]
        for (type, typed) in refused {
            guard case .failure(let problem) = type.check(typed) else {
                Issue.record("\(type) accepted \(typed)")
                continue
            }
            #expect(!problem.vi.isEmpty && !problem.en.isEmpty)
        }
    }

    @Test("a watchlist entry matches by number, or by folded name with the date of birth, never by name alone")
    func watchlistMatch() {
        let born = SolarDate(year: 1985, month: 2, day: 1)!
        let visitor = Watchlist.Visitor(documentNumber: "079085001234", fullName: "Nguyễn Văn Đức", birthDate: born)
        let byNumber = Watchlist.Entry(documentNumber: "079-085-001-234", nameFolded: nil, birthDate: nil)
        let byName = Watchlist.Entry(documentNumber: nil, nameFolded: "nguyen van duc", birthDate: born)
        let nameOnly = Watchlist.Entry(documentNumber: nil, nameFolded: "nguyen van duc", birthDate: nil)
        let otherBirth = Watchlist.Entry(
            documentNumber: nil,
            nameFolded: "nguyen van duc",
            birthDate: born.adding(days: 1)
        )
        #expect(Watchlist.matches(byNumber, visitor))
        #expect(Watchlist.matches(byName, visitor))
        #expect(!Watchlist.matches(nameOnly, visitor))
        #expect(!nameOnly.identifies)
        #expect(byName.identifies && byNumber.identifies)
        #expect(!Watchlist.matches(otherBirth, visitor))
        let typedWithoutMarks = Watchlist.Visitor(documentNumber: "1", fullName: "NGUYEN  van duc", birthDate: born)
        #expect(Watchlist.matches(byName, typedWithoutMarks))
    }
}
