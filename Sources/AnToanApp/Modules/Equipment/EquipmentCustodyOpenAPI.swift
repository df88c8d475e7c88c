import AnToanCore
import OpenAPIKit

/// Custody, certificates and loss reports in the OpenAPI document.
extension CustodyAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/equipment/custody",
                "Who holds what now and the issues under way in the caller's scope (the caller's own only, for a "
                    + "holder), the longest overdue first; overdue says which are out past their expected return",
                response: CustodyListDTO.self,
                query: [APIParameter(name: "staff", schema: .uuid)]
            ),
            .post(
                "/api/v1/equipment/custody",
                "Request an issue of an item in store (or a quantity of a counted stock) to a trained staff member of "
                    + "its unit, for a reason, until an expected return; weapons and support tools wait for the "
                    + "head's approval. Each broken rule is a 422 naming item, staff, quantity or expected_return_at",
                request: CustodyRequest.self,
                response: CustodyDTO.self,
                status: 201
            ),
            .get("/api/v1/equipment/custody/{id}", "An issue", response: CustodyDTO.self),
            .post(
                "/api/v1/equipment/custody/{id}/approve",
                "The unit's head approves an issue awaiting approval; never their own request (a 422 naming custody)",
                response: CustodyDTO.self
            ),
            .post(
                "/api/v1/equipment/custody/{id}/refuse",
                "The unit's head refuses an issue awaiting approval, saying why",
                request: CustodyRefusalRequest.self,
                response: CustodyDTO.self
            ),
            .post(
                "/api/v1/equipment/custody/{id}/hand",
                "The custodian hands an approved issue over; one not approved is a 422 naming custody",
                response: CustodyDTO.self
            ),
            .post(
                "/api/v1/equipment/custody/{id}/receive",
                "The holder confirms receipt with their own account: the item is out; anyone else is a 422 naming staff",
                response: CustodyDTO.self
            ),
            .post(
                "/api/v1/equipment/custody/{id}/return",
                "The custodian takes the item back with its condition (damaged: under repair); a second return is a "
                    + "422 naming custody",
                request: CustodyReturnRequest.self,
                response: CustodyDTO.self
            ),
            .get(
                "/api/v1/equipment/certificates",
                "The training certificates of the staff in the caller's scope",
                response: CertificateListDTO.self
            ),
            .post(
                "/api/v1/equipment/certificates",
                "Add a staff member's training certificate for a category (or one kind) of equipment; an end before "
                    + "the start is a 422 naming valid_until",
                request: CertificateRequest.self,
                response: CertificateDTO.self,
                status: 201
            ),
            .delete("/api/v1/equipment/certificates/{id}", "Remove a training certificate"),
            .get(
                "/api/v1/equipment/loss-reports",
                "The loss reports of the caller's scope, newest first; the open ones only with open=true",
                response: LossReportListDTO.self,
                query: [APIParameter(name: "open", schema: .boolean)]
            ),
            .post(
                "/api/v1/equipment/loss-reports/{id}/head",
                "Record that the head was told of the loss (now, by the caller); a second time is a 422 naming duty",
                response: LossReportDTO.self
            ),
            .post(
                "/api/v1/equipment/loss-reports/{id}/police",
                "Record the written report to the police office that issued the permit (number and date); the "
                    + "report closes when both duties are done",
                request: PoliceReportRequest.self,
                response: LossReportDTO.self
            ),
        ]
    }
}
