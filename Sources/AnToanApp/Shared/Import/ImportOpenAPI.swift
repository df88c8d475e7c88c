import OpenAPIKit

/// The import and export routes in the OpenAPI document.
extension ImportAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        let format = APIParameter(
            name: "format",
            schema: .string(allowedValues: "xlsx", "csv"),
            description: "Default xlsx"
        )
        let spreadsheet = [ImportFileFormat.xlsxType, "text/csv"]
        return [
            APIOperation(
                method: .post,
                path: "/api/v1/import/{kind}",
                summary: "Check (dry_run=true, the default) or import (dry_run=false) a spreadsheet of areas, units, "
                    + "staff or memberships, 10 MB at most (413 beyond). An import writes every row or none: with "
                    + "any problem it answers 422 with this same report. An import of more than 2,000 rows answers "
                    + "202 with its job and a Location to follow (GET /api/v1/import-jobs/{id}).",
                request: .file(spreadsheet, description: "The raw .xlsx or CSV file"),
                response: .json(ImportReportDTO.self),
                query: [
                    APIParameter(name: "dry_run", schema: .string(allowedValues: "true", "false")),
                    APIParameter(name: "filename", schema: .text(max: 200)),
                ],
                unprocessable: ImportReportDTO.self,
                accepted: ImportJobDTO.self
            ),
            .get(
                "/api/v1/import-jobs/{id}",
                "A background import of the caller's: status, rows done of total, and its report once finished; "
                    + "another account's job is a 404",
                response: ImportJobDTO.self
            ),
            APIOperation(
                method: .get,
                path: "/api/v1/import/{kind}/template",
                summary: "A blank template (.xlsx or .csv) with Vietnamese headers; English headers import too",
                response: .file(spreadsheet, description: "The template"),
                query: [format]
            ),
            APIOperation(
                method: .get,
                path: "/api/v1/export/{kind}",
                summary: "Areas, units, staff or memberships within the caller's scope, in the template's columns; "
                    + "identity numbers masked unless reveal=identity (403 without the right to see them; audited)",
                response: .file(spreadsheet, description: "The list"),
                query: [
                    format,
                    APIParameter(
                        name: "reveal",
                        schema: .string(allowedValues: "identity"),
                        description: "identity: identity numbers in full"
                    ),
                ]
            ),
        ]
    }
}
