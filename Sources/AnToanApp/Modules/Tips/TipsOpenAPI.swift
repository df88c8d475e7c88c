import OpenAPIKit

/// Tips and situation notes in the OpenAPI document.
extension TipsAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .post(
                "/api/v1/tips",
                "Send a tip, no token needed (at most 10 sends an hour from one address; 429 with Retry-After past "
                    + "that); the follow-up code is in the answer once and never again. Photos go through the page",
                request: TipInput.self,
                response: TipReceiptDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/tips/follow",
                "A tip's status and questions, by its follow-up code (no token); any code that opens nothing gets "
                    + "the same 422",
                request: TipCodeInput.self,
                response: TipFollowDTO.self
            ),
            .post(
                "/api/v1/tips/answer",
                "The sender answers a question or adds information, with the code (no token)",
                request: TipAnswerInput.self,
                response: TipFollowDTO.self
            ),
            .get(
                "/api/v1/tips",
                "The tips in the caller's scope: state=open (default) those to decide, state=decided the others",
                response: TipListDTO.self,
                query: [
                    APIParameter(
                        name: "state",
                        schema: .string(allowedValues: "open", "decided"),
                        description: "open (default) or decided"
                    )
                ]
            ),
            .get(
                "/api/v1/tips/{id}",
                "One tip in the caller's scope, with its messages and photos",
                response: TipDTO.self
            ),
            .post(
                "/api/v1/tips/{id}/decide",
                "Triage: accept as an incident (kind, severity; unit_id for a tip that named only an area) or as a "
                    + "situation note, ask the sender (text), or dismiss (text: the reason)",
                request: TipDecisionInput.self,
                response: TipDTO.self
            ),
            .get(
                "/api/v1/situation-notes",
                "Situation notes in the caller's scope, newest first",
                response: SituationNoteListDTO.self
            ),
            .post(
                "/api/v1/situation-notes",
                "Write a situation note (unit_id may be left out by an account of one unit); its leadership and "
                    + "authorities are told",
                request: SituationNoteInput.self,
                response: SituationNoteDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/situation-notes/{id}/incident",
                "Turn a situation note into an incident",
                request: NoteIncidentInput.self,
                response: SituationNoteDTO.self
            ),
        ]
    }
}
