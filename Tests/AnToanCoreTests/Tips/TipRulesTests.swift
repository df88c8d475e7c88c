import AnToanCore
import Testing

@Suite("Tip codes and triage")
struct TipRulesTests {
    @Test("a code is 24 characters of the alphabet in six groups, and reads back through look-alikes and case")
    func codeShape() throws {
        let bytes: [UInt8] = (0..<15).map { UInt8($0 * 17 % 256) }
        let code = TipCode.make(from: bytes)
        #expect(code.count == 24 + 5)
        #expect(code.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4, 4])
        #expect(code.allSatisfy { $0 == "-" || TipCode.alphabet.contains($0) })
        let plain = code.replacingOccurrences(of: "-", with: "")
        #expect(TipCode.normalized(code) == plain)
        #expect(TipCode.normalized(" " + code.lowercased().replacingOccurrences(of: "-", with: " ")) == plain)
        let typed = plain.replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
        #expect(TipCode.normalized(typed) == plain)
    }

    @Test("different bytes give different codes; 120 bits fill all 24 characters")
    func codeBits() {
        let zeros = TipCode.make(from: Array(repeating: 0, count: 15))
        let ones = TipCode.make(from: Array(repeating: 0xFF, count: 15))
        #expect(zeros == "0000-0000-0000-0000-0000-0000")
        #expect(ones == "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    }

    @Test("what cannot be a code is refused: too short, too long, a letter outside the alphabet")
    func badCodes() {
        #expect(TipCode.normalized("") == nil)
        #expect(TipCode.normalized("ABCD-EFGH") == nil)
        #expect(TipCode.normalized(String(repeating: "A", count: 25)) == nil)
        #expect(TipCode.normalized(String(repeating: "A", count: 23) + "U") == nil)
    }

    @Test("triage: a question or a dismissal needs its text; a decided tip takes no second decision")
    func triage() {
        #expect(TipTriage.decide(.askSender, on: .received, text: "") == .failure(.textRequired))
        #expect(TipTriage.decide(.dismiss, on: .received, text: "") == .failure(.textRequired))
        #expect(TipTriage.decide(.dismiss, on: .received, text: "Trùng tin đã báo") == .success(.dismissed))
        #expect(TipTriage.decide(.askSender, on: .received, text: "Mấy giờ?") == .success(.waitingForSender))
        #expect(TipTriage.decide(.acceptAsNote, on: .waitingForSender, text: "") == .success(.acceptedAsNote))
        #expect(TipTriage.decide(.acceptAsIncident, on: .dismissed, text: "") == .failure(.alreadyDecided))
        #expect(TipTriage.decide(.askSender, on: .acceptedAsNote, text: "?") == .failure(.alreadyDecided))
    }

    @Test("the sender's answer sends a waiting tip back to be looked at; a decided tip takes nothing more")
    func senderAdds() {
        #expect(TipTriage.senderAdds(on: .waitingForSender) == .success(.received))
        #expect(TipTriage.senderAdds(on: .received) == .success(.received))
        #expect(TipTriage.senderAdds(on: .dismissed) == .failure(.alreadyDecided))
    }
}
