import Foundation
import Testing

@testable import AnToanApp

@Suite("Signed checkpoint links")
struct CheckpointLinkTests {
    static let secret = String(repeating: "s", count: 40)

    @Test("a checkpoint's link verifies to its checkpoint and label generation, and is short enough for a small QR")
    func roundTrip() throws {
        let id = UUID()
        let token = CheckpointLink.token(checkpoint: id, generation: 3, secret: Self.secret)
        let verified = try #require(CheckpointLink.verify(token, secret: Self.secret))
        #expect(verified.checkpoint == id && verified.generation == 3)
        #expect(token.count <= 60)
        #expect(CheckpointLink.path(checkpoint: id, generation: 3, secret: Self.secret) == "/p/" + token)
    }

    @Test(
        "a forged or altered link is refused: another secret, another checkpoint or generation, any changed character"
    )
    func forgeries() {
        let id = UUID()
        let token = CheckpointLink.token(checkpoint: id, generation: 1, secret: Self.secret)
        #expect(CheckpointLink.verify(token, secret: String(repeating: "t", count: 40)) == nil)
        let parts = token.split(separator: ".").map(String.init)
        let other = CheckpointLink.token(checkpoint: UUID(), generation: 1, secret: Self.secret)
            .split(separator: ".").map(String.init)
        #expect(
            CheckpointLink.verify([other[0], parts[1], parts[2]].joined(separator: "."), secret: Self.secret) == nil
        )
        #expect(CheckpointLink.verify([parts[0], "2", parts[2]].joined(separator: "."), secret: Self.secret) == nil)
        for index in token.indices where token[index] != "." {
            var changed = token
            changed.replaceSubrange(index...index, with: token[index] == "A" ? "B" : "A")
            #expect(CheckpointLink.verify(changed, secret: Self.secret) == nil, "\(changed)")
        }
        for junk in ["", ".", "..", "a.b.c", token + ".x", token.replacingOccurrences(of: ".", with: "/"), "é.1.é"] {
            #expect(CheckpointLink.verify(junk, secret: Self.secret) == nil, "\(junk)")
        }
    }
}
