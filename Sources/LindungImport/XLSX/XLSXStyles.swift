import Foundation

/// Which cell styles show a number as a date. A cell's `s` attribute indexes `<cellXfs>` in
/// xl/styles.xml; each entry names a number format, built in (14–22 and 45–47 are dates and times) or
/// custom (`<numFmt formatCode="dd/mm/yyyy">`), and a custom format is a date when its code has d, m or y
/// outside quoted text and [brackets].
struct XLSXStyles: Sendable {
    private let dateStyles: [Bool]

    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    init(dateStyles: [Bool] = []) {
        self.dateStyles = dateStyles
    }

    init(data: Data, part: String) throws(ImportFileError) {
        var customDates: [Int: Bool] = [:]
        var styles: [Bool] = []
        try XMLElementVisitor.visit(data, part: part) { name, attributes, ancestors in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customDates[id] = Self.isDateFormat(code)
                }
            case "xf" where ancestors.last == "cellXfs":
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                styles.append(customDates[id] ?? Self.builtInDateFormats.contains(id))
            default: break
            }
        }
        dateStyles = styles
    }

    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    /// True when a format code shows a date: it has d, m or y outside "quoted text", [colours and
    /// locales], and \escaped characters.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case "\\", "_", "*": if !inQuotes { escaped = true }
            case "[": if !inQuotes { inBrackets = true }
            case "]": if !inQuotes { inBrackets = false }
            case "d", "m", "y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}
