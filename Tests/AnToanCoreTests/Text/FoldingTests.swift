import AnToanCore
import Testing

@Suite("Diacritic folding")
struct FoldingTests {
    @Test(
        "Vietnamese names fold to plain lower case",
        arguments: [
            ("Nguyễn Văn Đức", "nguyen van duc"),
            ("ĐẶNG THỊ HƯƠNG", "dang thi huong"),
            ("  Trần   Quốc  Toản ", "tran quoc toan"),
            ("Phường Bến Nghé", "phuong ben nghe"),
            ("Lê Thị Ánh Tuyết", "le thi anh tuyet"),
            ("Ngô Quyền", "ngo quyen"),
            ("Ủy ban nhân dân xã", "uy ban nhan dan xa"),
        ]
    )
    func folds(input: String, expected: String) {
        #expect(Folding.fold(input) == expected)
    }

    @Test("folding is idempotent and keeps digits")
    func idempotent() {
        let once = Folding.fold("Trường THPT số 2 Đà Nẵng")
        #expect(once == "truong thpt so 2 da nang")
        #expect(Folding.fold(once) == once)
    }

    @Test("a name is found from the start of each of its words, and only there")
    func searchKeys() {
        let keys = Folding.searchKeys("nguyen van duc")
        #expect(keys == ["nguyen van duc", "van duc", "duc"])
        let range = Folding.prefixRange("van d")
        let found = keys.filter { $0 >= range.lower && $0 < range.upper }
        #expect(found == ["van duc"])
        #expect(keys.filter { $0 >= "guyen" && $0 < Folding.prefixRange("guyen").upper }.isEmpty)
        #expect(Folding.searchKeys("").isEmpty)
    }

    @Test("masking keeps the ends of personal data")
    func masking() {
        #expect(Masking.mask("0912345678") == "09******78")
        #expect(Masking.mask("abc") == "***")
    }
}
