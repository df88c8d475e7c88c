/// The import and export routes' part of the OpenAPI document.
extension OpenAPI {
    static let importOperations: [Operation] = [
        Operation(
            method: "post",
            path: "/api/v1/import/{kind}",
            summary: "Check (dry_run=true, the default) or import (dry_run=false) a spreadsheet of areas, units, "
                + "staff or memberships. The body is the raw .xlsx or CSV file (Content-Type text/csv or "
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), 10 MB at most (413 beyond). "
                + "An import writes every row or none: with any problem it answers 422 with this same report.",
            response: "ImportReport",
            query: ["dry_run", "filename"]
        ),
        Operation(
            method: "get",
            path: "/api/v1/import/{kind}/template",
            summary: "A blank template (.xlsx or .csv) with Vietnamese headers; English headers import too",
            query: ["format"]
        ),
        Operation(
            method: "get",
            path: "/api/v1/export/{kind}",
            summary: "Areas, units, staff or memberships within the caller's scope, in the template's columns",
            query: ["format"]
        ),
    ]

    static var importSchemas: [String: Any] {
        let problem: [String: Any] = [
            "type": "object",
            "properties": [
                "row": ["type": "integer", "description": "Row as Excel numbers it; the header is row 1"],
                "column": ["type": "string", "description": "Column header as written in the file"],
                "reason": ["type": "string", "description": "Vietnamese, or English with Accept-Language: en"],
            ],
            "required": ["row", "column", "reason"],
            "additionalProperties": false,
        ]
        let report: [String: Any] = [
            "type": "object",
            "properties": [
                "kind": ["type": "string", "enum": ImportKind.allCases.map(\.rawValue)],
                "rows": ["type": "integer", "description": "Data rows in the file"],
                "problems": ["type": "array", "items": ["$ref": "#/components/schemas/ImportProblem"]],
                "applied": ["type": "boolean"],
                "created": ["type": "integer"],
            ],
            "required": ["kind", "rows", "problems", "applied", "created"],
            "additionalProperties": false,
        ]
        return ["ImportReport": report, "ImportProblem": problem]
    }
}
