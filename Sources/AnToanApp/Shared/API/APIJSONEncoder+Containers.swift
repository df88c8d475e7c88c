import Foundation

/// The `Encoder` and containers `APIJSONEncoder` hands to values: each writes through `JSONStreamWriter` at once.
struct StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    /// The writer's depth where this value starts; a container it opens is the one just below.
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { writer.userInfo }

    /// A value asking twice gets the same container, as Foundation gives.
    private func own(object: Bool) -> JSONContainer {
        writer.depth > depth ? writer.container(at: depth + 1) : writer.openContainer(object: object)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StreamKeyedContainer<Key>(writer: writer, object: own(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(writer: writer, array: own(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingleValue(writer: writer) }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let object: JSONContainer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        writer.beginMember(key, of: object)
        writer.writeNull()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.beginMember(key, of: object)
        writer.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.beginMember(key, of: object)
        writer.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.beginMember(key, of: object)
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        writer.beginMember(key, of: object)
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }

    private func integer(_ value: some BinaryInteger, _ key: Key) {
        writer.beginMember(key, of: object)
        writer.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.beginMember(key, of: object)
        try writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.beginMember(key, of: object)
        return KeyedEncodingContainer(
            StreamKeyedContainer<NestedKey>(writer: writer, object: writer.openContainer(object: true))
        )
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginMember(key, of: object)
        return StreamUnkeyedContainer(writer: writer, array: writer.openContainer(object: false))
    }

    /// The super-value is written in place under "super"; it must encode something, as a class does.
    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.beginMember(key, of: object)
        return StreamEncoder(writer: writer, depth: writer.depth)
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let array: JSONContainer
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: JSONStreamWriter, array: JSONContainer) {
        self.writer = writer
        self.array = array
    }

    private mutating func element() {
        writer.beginElement(of: array)
        count += 1
    }

    mutating func encodeNil() throws {
        element()
        writer.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        element()
        writer.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        element()
        writer.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        element()
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Float) throws {
        element()
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private mutating func integer(_ value: some BinaryInteger) {
        element()
        writer.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        element()
        try writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        element()
        return KeyedEncodingContainer(
            StreamKeyedContainer<NestedKey>(writer: writer, object: writer.openContainer(object: true))
        )
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return StreamUnkeyedContainer(writer: writer, array: writer.openContainer(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return StreamEncoder(writer: writer, depth: writer.depth)
    }
}

private struct StreamSingleValue: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNull() }
    mutating func encode(_ value: Bool) throws { writer.writeBool(value) }
    mutating func encode(_ value: String) throws { writer.writeString(value) }
    mutating func encode(_ value: Double) throws { try writer.writeFloat(value) }
    mutating func encode(_ value: Float) throws { try writer.writeFloat(value) }
    mutating func encode(_ value: Int) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { writer.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.write(value) }
}
