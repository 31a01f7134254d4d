import Foundation
import LindungCore

/// Turns the raw value of a numeric cell into the text a person would have typed.
enum XLSXCellText {
    /// Integers come out without a decimal part whether stored as "5000000", "5000000.0" or "5.0E6";
    /// other numbers with at most 15 significant digits, as Excel shows them (so 0.1+0.2 is "0.3").
    static func number(_ raw: String) -> String {
        let trimmed = raw.trimmingWhitespace()
        if isPlainInteger(trimmed) { return trimmed }
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        if value == value.rounded(), abs(value) < 9.0e18 { return String(Int64(value)) }
        let shown = String(format: "%.15g", value)
        if let rounded = Double(shown), rounded == rounded.rounded(), abs(rounded) < 9.0e18 {
            return String(Int64(rounded))
        }
        return shown
    }

    /// "YYYY-MM-DD" for an Excel date serial number, or nil when it is not a day (below 1 or past
    /// 9999-12-31). The 1900 system counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's non-existent
    /// 1900-02-29 as day 60 (returned as such, so validation reports an impossible date); the 1904
    /// system counts 1904-01-01 as day 0.
    static func date(serial raw: String, uses1904: Bool) -> String? {
        guard let serial = Double(raw.trimmingWhitespace()), serial.isFinite, serial >= (uses1904 ? 0 : 1),
            serial < 2_958_466
        else { return nil }
        let day = Int(serial.rounded(.down))
        let date: CalendarDate
        if uses1904 {
            date = CalendarDate(year: 1904, month: 1, day: 1)!.adding(days: day)
        } else if day == 60 {
            return "1900-02-29"
        } else if day < 60 {
            date = CalendarDate(year: 1899, month: 12, day: 31)!.adding(days: day)
        } else {
            date = CalendarDate(year: 1899, month: 12, day: 30)!.adding(days: day)
        }
        return date.iso
    }

    private static func isPlainInteger(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.count <= 18 && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
