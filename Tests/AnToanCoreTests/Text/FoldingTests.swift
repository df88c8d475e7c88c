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

    @Test("masking keeps the ends of personal data")
    func masking() {
        #expect(Masking.mask("0912345678") == "09******78")
        #expect(Masking.mask("abc") == "***")
    }
}
