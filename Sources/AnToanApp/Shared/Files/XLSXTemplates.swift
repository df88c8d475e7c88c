/// The fixed package parts of a written .xlsx.
enum XLSXTemplates {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml =
            header
                + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                """
        for index in 1...max(1, sheetCount) {
            xml += """
                <Override PartName="/xl/worksheets/sheet\(index).xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                """
        }
        return xml + "</Types>"
    }

    static let rootRelationships =
        header
            + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipType)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """

    static func workbook(sheetNames: [String]) -> String {
        var xml =
            header
                + """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="\(relationshipType)"><bookViews><workbookView/></bookViews><sheets>
                """
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(XLSXXML.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml =
            header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...max(1, sheetCount) {
            xml += """
                <Relationship Id="rId\(index)" Type="\(relationshipType)/worksheet" \
                Target="worksheets/sheet\(index).xml"/>
                """
        }
        let stylesID = max(1, sheetCount) + 1
        xml += "<Relationship Id=\"rId\(stylesID)\" Type=\"\(relationshipType)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell format 0 is the default; 1 is the bold header; 2 a day as dd/mm/yyyy; 3 a bold day as dd/mm.
    static let styles =
        header
            + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>\
            <numFmt numFmtId="165" formatCode="dd/mm"/></numFmts>\
            <fonts count="2">\
            <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            </fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
}
