import Foundation
import Testing

@testable import AnToanApp

/// A SUN message a tag really produced, with what it must verify to.
struct SUNExample: Sendable, CustomTestStringConvertible {
    let name: String
    let metaReadKey: [UInt8]
    let fileReadKey: [UInt8]
    let piccData: String
    let cmac: String
    let macInput: [UInt8]
    let uid: [UInt8]
    let counter: UInt32
    var testDescription: String { name }

    func verify(
        piccData: String? = nil,
        cmac: String? = nil,
        lastCounter: UInt32? = nil
    ) throws(SUNMessage.Problem)
        -> SUNTap
    {
        try SUNMessage.verify(
            piccData: piccData ?? self.piccData,
            cmac: cmac ?? self.cmac,
            metaReadKey: metaReadKey,
            fileReadKey: fileReadKey,
            macInput: macInput,
            lastCounter: lastCounter
        )
    }
}

/// Bytes from hex written in the test itself.
private func hex(_ string: String) -> [UInt8] {
    Array(Data(hex: string))
}

private let zeroKey = [UInt8](repeating: 0, count: 16)

/// AN12196 section 4.4.4.2 (CMACInputOffset == CMACOffset, so the MAC input is empty), the URL
/// https://ntag.nxp.com/424?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086 ; also test_sun1 in
/// nfc-developer/sdm-backend, tests/test_libsdm.py ("From AN12196 page 12").
private let piccOnly = SUNExample(
    name: "AN12196 encrypted PICCData only",
    metaReadKey: zeroKey,
    fileReadKey: zeroKey,
    piccData: "EF963FF7828658A599F3041510671E88",
    cmac: "94EED9EE65337086",
    macInput: [],
    uid: hex("04DE5F1EACC040"),
    counter: 61
)

/// AN12196 section 4.4.4.2.2 (CMACInputOffset != CMACOffset), the URL
/// `https://www.my424dna.com/?picc_data=<piccData>&enc=CEE9A53E3E463EF1F459635736738962&cmac=<cmac>`: the encrypted
/// file data mirrored before the MAC is MACed as URL text, up to and including "&cmac="; also test_sun2 in
/// nfc-developer/sdm-backend, tests/test_libsdm.py ("FROM AN12196 page 18").
private let withFileData = SUNExample(
    name: "AN12196 PICCData with encrypted file data",
    metaReadKey: zeroKey,
    fileReadKey: zeroKey,
    piccData: "FD91EC264309878BE6345CBE53BADF40",
    cmac: "ECC1E7F6C6C73BF6",
    macInput: Array("CEE9A53E3E463EF1F459635736738962&cmac=".utf8),
    uid: hex("04958CAA5C5E80"),
    counter: 8
)

/// Two different non-zero keys: test_sun3_custom in nfc-developer/sdm-backend,
/// tests/test_libsdm.py (its SDMMAC_PARAM is empty, so the MAC input is the file data's hex alone).
private let customKeys = SUNExample(
    name: "sdm-backend tag with custom keys",
    metaReadKey: hex("42AFF114F2CB3B6141BE6DC95DFC5416"),
    fileReadKey: hex("B62A9BAF092439BD43C62AEE96B970C5"),
    piccData: "8ACADDEF0A9B62CDAE39A16B83FC14DE",
    cmac: "238B2543A8DEBAD8",
    macInput: Array("B8436E11F627BB7F543FCC0C1E0D1A89".utf8),
    uid: hex("041D3C8A2D6B80"),
    counter: 291
)

private let examples = [piccOnly, withFileData, customKeys]

@Test("Each published SUN message verifies to the tag's UID and counter", arguments: examples)
func publishedExamplesVerify(example: SUNExample) throws {
    #expect(try example.verify() == SUNTap(uid: example.uid, counter: example.counter))
}

@Test("The hex may be lower case")
func lowerCaseHexVerifies() throws {
    let tap = try piccOnly.verify(piccData: piccOnly.piccData.lowercased(), cmac: piccOnly.cmac.lowercased())
    #expect(tap.counter == 61)
}

@Test("The session MAC keys match the ones AN12196 prints")
func sessionKeysMatchAN12196() throws {
    // 3FB5…: AN12196 section 4.4.4.2, as quoted in
    // https://community.nxp.com/t5/NFC/NTAG-424-DNA-Truncated-MAC-Calculation/m-p/1763859
    // 3ED0…: AN12196 page 18, as quoted in
    // https://community.nxp.com/t5/NFC/NTAG-424-DNA-SDMACFull-calculation/td-p/1985927
    #expect(
        try SUNMessage.sessionMACKey(fileReadKey: zeroKey, uid: piccOnly.uid, counter: 61)
            == hex("3FB5F6E3A807A03D5E3570ACE393776F")
    )
    #expect(
        try SUNMessage.sessionMACKey(fileReadKey: zeroKey, uid: withFileData.uid, counter: 8)
            == hex("3ED0920E5E6A0320D823D5987FEAFBB1")
    )
}

@Test("Changing any one hex digit of the PICCData or the MAC is refused", arguments: examples)
func oneChangedDigitIsRefused(example: SUNExample) {
    /// The string with the digit at `offset` replaced by another hex digit.
    func changing(_ string: String, at offset: Int) -> String {
        var characters = Array(string)
        characters[offset] = characters[offset] == "0" ? "1" : "0"
        return String(characters)
    }
    for offset in 0..<32 {
        let error = #expect(throws: SUNMessage.Problem.self) {
            try example.verify(piccData: changing(example.piccData, at: offset))
        }
        #expect(error == .badPICCData || error == .wrongCMAC, "digit \(offset) of the PICCData")
    }
    for offset in 0..<16 {
        #expect(throws: SUNMessage.Problem.wrongCMAC) { try example.verify(cmac: changing(example.cmac, at: offset)) }
    }
}

@Test("A MAC computed over other input than the tag's is refused")
func otherMACInputIsRefused() {
    #expect(throws: SUNMessage.Problem.wrongCMAC) {
        try SUNMessage.verify(
            piccData: withFileData.piccData,
            cmac: withFileData.cmac,
            metaReadKey: zeroKey,
            fileReadKey: zeroKey,
            lastCounter: nil
        )
    }
}

@Test("The same counter again, or a lower one, is refused as a replay")
func replaysAreRefused() {
    #expect(throws: SUNMessage.Problem.replayed(counter: 61, last: 61)) { try piccOnly.verify(lastCounter: 61) }
    #expect(throws: SUNMessage.Problem.replayed(counter: 61, last: 62)) { try piccOnly.verify(lastCounter: 62) }
    #expect(throws: SUNMessage.Problem.replayed(counter: 61, last: .max)) { try piccOnly.verify(lastCounter: .max) }
}

@Test("A counter greater than the last accepted one passes")
func higherCounterPasses() throws {
    #expect(try piccOnly.verify(lastCounter: 60).counter == 61)
    #expect(try piccOnly.verify(lastCounter: 0).counter == 61)
}

@Test("A replay with a forged MAC is refused as a wrong MAC: the counter is trusted only once authentic")
func forgedReplayIsWrongCMAC() {
    #expect(throws: SUNMessage.Problem.wrongCMAC) {
        try piccOnly.verify(cmac: "0000000000000000", lastCounter: 61)
    }
}

@Test("A wrong file read key is refused as a wrong MAC")
func wrongFileReadKeyIsRefused() {
    #expect(throws: SUNMessage.Problem.wrongCMAC) {
        try SUNMessage.verify(
            piccData: customKeys.piccData,
            cmac: customKeys.cmac,
            metaReadKey: customKeys.metaReadKey,
            fileReadKey: zeroKey,
            macInput: customKeys.macInput,
            lastCounter: nil
        )
    }
}

@Test("A wrong meta read key is refused", arguments: [zeroKey, hex("B62A9BAF092439BD43C62AEE96B970C5")])
func wrongMetaReadKeyIsRefused(key: [UInt8]) {
    let error = #expect(throws: SUNMessage.Problem.self) {
        try SUNMessage.verify(
            piccData: customKeys.piccData,
            cmac: customKeys.cmac,
            metaReadKey: key,
            fileReadKey: customKeys.fileReadKey,
            macInput: customKeys.macInput,
            lastCounter: nil
        )
    }
    #expect(error == .badPICCData || error == .wrongCMAC)
}

@Test("Keys that are not 16 bytes are refused", arguments: [0, 15, 17, 32])
func badKeyLengthsAreRefused(length: Int) {
    let key = [UInt8](repeating: 0, count: length)
    #expect(throws: SUNMessage.Problem.badKey) {
        try SUNMessage.verify(
            piccData: piccOnly.piccData,
            cmac: piccOnly.cmac,
            metaReadKey: key,
            fileReadKey: zeroKey,
            lastCounter: nil
        )
    }
    #expect(throws: SUNMessage.Problem.badKey) {
        try SUNMessage.verify(
            piccData: piccOnly.piccData,
            cmac: piccOnly.cmac,
            metaReadKey: zeroKey,
            fileReadKey: key,
            lastCounter: nil
        )
    }
}

@Test(
    "PICCData that is not 32 hex digits is refused as malformed",
    arguments: [
        "", "EF963FF7828658A599F3041510671E8", "EF963FF7828658A599F3041510671E880",
        "EF963FF7828658A599F3041510671E8G", " EF963FF7828658A599F3041510671E8", "0xEF963FF7828658A599F3041510671E",
        "EF963FF7828658A599F3041510671E8８", "EF963FF7828658A599F3041510671E8é", "EF963FF7828658A599F3041510671E🙂",
        "EF963FF7828658A599F3041510671E88\u{301}", "EF963FF7828658A599F3041510671E8\t",
    ]
)
func malformedPICCDataIsRefused(piccData: String) {
    #expect(throws: SUNMessage.Problem.malformed) { try piccOnly.verify(piccData: piccData) }
}

@Test(
    "A MAC that is not 16 hex digits is refused as malformed",
    arguments: ["", "94EED9EE6533708", "94EED9EE653370866", "94EED9EE6533708Z", "94EED9EE6533708６", "94EED9EE-5337086"]
)
func malformedCMACIsRefused(cmac: String) {
    #expect(throws: SUNMessage.Problem.malformed) { try piccOnly.verify(cmac: cmac) }
}

@Test("Random strings from the internet are refused without crashing")
func randomStringsAreRefused() {
    // A fixed seed (SplitMix64) so that a failure can be reproduced.
    var state: UInt64 = 0x5EED_424D
    func random(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    let hexDigits = Array("0123456789abcdefABCDEF")
    let anything = hexDigits + Array("gGzZ -_%&=?/+.\0\n") + ["é", "ß", "８", "٣", "🙂", "\u{301}", "👩‍👩‍👧", "\u{FEFF}"]
    /// Usually hex of the right length, to reach the cryptography; otherwise anything of any length.
    func string(hexLength: Int) -> String {
        if random(2) == 0 { return String((0..<hexLength).map { _ in hexDigits[random(hexDigits.count)] }) }
        return String((0..<random(40)).map { _ in anything[random(anything.count)] })
    }
    for _ in 0..<5_000 {
        let (piccData, cmac, macInput) = (string(hexLength: 32), string(hexLength: 16), string(hexLength: 32))
        #expect(throws: SUNMessage.Problem.self, "picc_data=\(piccData) cmac=\(cmac) input=\(macInput)") {
            try SUNMessage.verify(
                piccData: piccData,
                cmac: cmac,
                metaReadKey: zeroKey,
                fileReadKey: zeroKey,
                macInput: Array(macInput.utf8),
                lastCounter: nil
            )
        }
    }
}
