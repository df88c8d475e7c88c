import AnToanCore
import OpenAPIKit

/// Equipment upkeep in the OpenAPI document.
extension UpkeepAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        let unit = APIParameter(name: "unit", schema: .uuid)
        let page = APIParameter(name: "page", schema: .integer(minimum: (1, exclusive: false)))
        return [
            .get(
                "/api/v1/equipment/upkeep/dues",
                "A unit's upkeep falling due, soonest first: the caller's unit, or `unit` of an authority's area "
                    + "(another is a 404); `window` soon (within 7 days, overdue included), overdue or all",
                response: UpkeepDueListDTO.self,
                query: [
                    unit, APIParameter(name: "window", schema: .choice(UpkeepQueries.Window.self)),
                    APIParameter(name: "upkeep", schema: .choice(UpkeepKind.self)), page,
                ]
            ),
            .get(
                "/api/v1/equipment/upkeep/schedules",
                "A unit's intervals per kind and upkeep: the default, the legal maximum, the unit's own",
                response: UpkeepScheduleListDTO.self,
                query: [unit]
            ),
            .post(
                "/api/v1/equipment/upkeep/schedules",
                "Set the caller's unit's interval for one kind and upkeep; longer than the law allows is a 422 "
                    + "naming interval_days; the unit's due dates follow",
                request: UpkeepScheduleRequest.self,
                response: UpkeepScheduleListDTO.self
            ),
            .get(
                "/api/v1/equipment/upkeep/actions",
                "A unit's corrective actions, open (nearest deadline first) or done",
                response: CorrectiveActionListDTO.self,
                query: [unit, APIParameter(name: "status", schema: .choice(CorrectiveAction.Status.self))]
            ),
            .post(
                "/api/v1/equipment/upkeep/actions/{id}/done",
                "Mark a corrective action done with a note (a keeper of the unit's equipment or its owner); done "
                    + "already is a 422 naming action",
                request: ActionDoneRequest.self,
                response: CorrectiveActionDTO.self
            ),
            .get(
                "/api/v1/equipment/upkeep/oversight",
                "Per unit of the caller's area (a unit head: the unit), those with overdue checks or maintenance, "
                    + "expired permits, overdue corrective actions or lost items, by name, 50 a page",
                response: UpkeepOversightDTO.self,
                query: [page]
            ),
            .get(
                "/api/v1/equipment/{id}/upkeep",
                "An item's due dates, latest checks and open corrective actions",
                response: ItemUpkeepDTO.self
            ),
            .post(
                "/api/v1/equipment/{id}/checks",
                "Record a check of an item of the caller's unit (another unit's is a 404): the failed points of "
                    + "the kind's checklist; any failure opens a corrective action; the due date moves",
                request: EquipmentCheckRequest.self,
                response: EquipmentCheckDTO.self,
                status: 201
            ),
        ]
    }
}
