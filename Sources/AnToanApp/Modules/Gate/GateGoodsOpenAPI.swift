import AnToanCore
import OpenAPIKit

/// Goods and vehicles in the OpenAPI document.
extension GateGoodsAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/gate/release-notes",
                "Goods release notes the caller may see, those awaiting approval first (the read is logged)",
                response: ReleaseNoteListDTO.self,
                query: [APIParameter(name: "status", schema: .choice(ReleaseNote.Status.self))]
            ),
            .post(
                "/api/v1/gate/release-notes",
                "Draft a goods release note for the caller's unit: who carries what out, why and when; the unit's "
                    + "approvers are told",
                request: ReleaseNoteRequest.self,
                response: ReleaseNoteDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/gate/release-notes/{id}",
                "A release note (the read is logged)",
                response: ReleaseNoteDTO.self
            ),
            .post(
                "/api/v1/gate/release-notes/{id}/approve",
                "Approve a note awaiting approval: only a staff member the unit names, never the note's drafter "
                    + "(a 422 naming note); anyone else is a 403",
                response: ReleaseNoteDTO.self
            ),
            .post(
                "/api/v1/gate/release-notes/{id}/refuse",
                "Refuse a note awaiting approval, saying why (a named approver, not the drafter)",
                request: ReleaseRefusalRequest.self,
                response: ReleaseNoteDTO.self
            ),
            .post(
                "/api/v1/gate/release-notes/{id}/release",
                "The gate lets the goods of an approved note out, once, from its day on; a note not approved, "
                    + "refused or already out is a 422 naming note",
                response: ReleaseNoteDTO.self
            ),
            .get(
                "/api/v1/gate/vehicles",
                "The vehicles inside now (the read is logged)",
                response: VehiclesInsideDTO.self,
                query: [APIParameter(name: "unit", schema: .uuid)]
            ),
            .post(
                "/api/v1/gate/vehicles",
                "Check a vehicle in with its plate; a plate inside already is a 422 naming plate",
                request: VehicleCheckInRequest.self,
                response: VehiclePassDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/gate/vehicles/{id}/check-out",
                "Check a vehicle out; one not inside is a 422 naming vehicle",
                response: VehiclePassDTO.self
            ),
        ]
    }
}
