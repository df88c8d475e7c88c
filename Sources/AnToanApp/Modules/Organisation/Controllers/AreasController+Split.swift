import AnToanCore
import Fluent
import Vapor

extension AreasController {
    /// The split form's part slots as the API's parts: unit and body codes become ids, and the errors of
    /// `AreaRegistry.split` come back under the form's field names, naming the code at fault.
    func split(_ area: Area, form: [String: String], by principal: Principal, on req: Request) async throws {
        var slots: [SplitSlot] = []
        for slot in AreaForms.splitSlots {
            let values = ["code", "name", "units", "bodies"].map { form["part\(slot)_\($0)"].nonEmpty }
            guard values.contains(where: { $0 != nil }) else { continue }
            slots.append(
                SplitSlot(
                    number: slot,
                    code: values[0],
                    name: values[1],
                    unitCodes: Self.codes(values[2]),
                    bodyCodes: Self.codes(values[3])
                )
            )
        }
        let units = try await ImportLookups.units(codes: Set(slots.flatMap(\.unitCodes)), on: req.db)
        let bodyCodes = slots.flatMap(\.bodyCodes)
        let bodies = try await BodyQueries.bodies(codes: bodyCodes, in: principal.scope, on: req.db)
        let bodyIDs = Dictionary(bodies.compactMap { body in body.id.map { (body.code, $0) } }) { first, _ in first }
        var unknown: [FieldError] = []
        for slot in slots {
            unknown += Self.unknown(slot.unitCodes.filter { units[$0] == nil }, "part\(slot.number)_units")
            unknown += Self.unknown(slot.bodyCodes.filter { bodyIDs[$0] == nil }, "part\(slot.number)_bodies")
        }
        if !unknown.isEmpty { throw AppError.invalidFields(unknown) }
        let parts = slots.map { slot in
            SplitAreaInput.Part(
                code: slot.code,
                name: slot.name,
                unitIds: slot.unitCodes.compactMap { units[$0]?.id },
                bodyIds: slot.bodyCodes.compactMap { bodyIDs[$0] }
            )
        }
        do {
            _ = try await AreaRegistry.split(
                area,
                SplitAreaInput(effectiveDate: form["effective_date"], parts: parts.map(Strict.init)),
                by: principal,
                on: req
            )
        } catch AppError.invalidFields(let errors) {
            throw AppError.invalidFields(errors.map { Self.formError($0, slots: slots) })
        }
    }

    /// One part of the split form as typed.
    struct SplitSlot {
        var number: Int
        var code: String?
        var name: String?
        var unitCodes: [String]
        var bodyCodes: [String]
    }

    /// Codes typed in one field, separated by commas, semicolons or spaces.
    static func codes(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }

    private static func unknown(_ codes: [String], _ field: String) -> [FieldError] {
        guard !codes.isEmpty else { return [] }
        let list = codes.joined(separator: ", ")
        return [FieldError(field: field, reason: .invalid(vi: "không có mã: \(list)", en: "no such code: \(list)"))]
    }

    /// `parts.1.unit_ids.0` becomes `part2_units` (of the slot that made part 1), naming the unit's code.
    static func formError(_ error: FieldError, slots: [SplitSlot]) -> FieldError {
        let segments = error.field.split(separator: ".").map(String.init)
        guard segments.first == "parts" else { return error }
        // "parts" as a whole (fewer than two parts) sits beside the second part's code.
        guard segments.count >= 3, let index = Int(segments[1]), slots.indices.contains(index) else {
            return FieldError(field: "part2_code", reason: error.reason)
        }
        let slot = slots[index]
        let position = segments.count >= 4 ? Int(segments[3]) : nil
        let (suffix, codes): (String, [String]) =
            switch segments[2] {
            case "unit_ids": ("units", slot.unitCodes)
            case "body_ids": ("bodies", slot.bodyCodes)
            case "name": ("name", [])
            default: ("code", [])
            }
        let field = "part\(slot.number)_\(suffix)"
        guard let position, codes.indices.contains(position) else {
            return FieldError(field: field, reason: error.reason)
        }
        let code = codes[position]
        return FieldError(
            field: field,
            reason: .invalid(vi: "\(code): " + error.message(.vi), en: "\(code): " + error.message(.en))
        )
    }
}
