public import LindungCore

/// Reads a date typed into a cell. Indonesian order only: day, then month, then a four-digit year
/// ("01/04/2024", "1-4-2024", "01.04.2024"), or ISO "2024-04-01" (a trailing time such as
/// " 00:00:00", as some programs export dates, is ignored). Never month first, never two-digit years:
/// "04/01/2024" is 4 January.
public enum CellDate {
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        let bytes = Array(trimmed.utf8)
        guard !bytes.isEmpty else { return nil }
        var numbers: [Int] = []
        var widths: [Int] = []
        var separators: [UInt8] = []
        var i = 0
        while i < bytes.count, numbers.count < 3 {
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, i - start < 4 {
                value = value * 10 + Int(bytes[i] - 48)
                i += 1
            }
            guard i > start else { return nil }
            numbers.append(value)
            widths.append(i - start)
            if numbers.count < 3 {
                guard i < bytes.count, [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(bytes[i]) else {
                    return nil
                }
                separators.append(bytes[i])
                i += 1
            }
        }
        guard numbers.count == 3, separators[0] == separators[1] else { return nil }
        if widths[0] == 4 {
            // ISO: year-month-day, with dashes; an optional time after a space or "T".
            guard separators[0] == UInt8(ascii: "-"), widths[1] <= 2, widths[2] <= 2, isTimeOrNothing(bytes[i...])
            else { return nil }
            return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        guard i == bytes.count, widths[0] <= 2, widths[1] <= 2, widths[2] == 4 else { return nil }
        return CalendarDate(year: numbers[2], month: numbers[1], day: numbers[0])
    }

    /// True for nothing, or " HH:MM", " HH:MM:SS" (or with "T") and an optional fraction.
    private static func isTimeOrNothing(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return true }
        guard first == UInt8(ascii: " ") || first == UInt8(ascii: "T") else { return false }
        let time = rest.dropFirst()
        return !time.isEmpty && time.count <= 15
            && time.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
            && time.contains(UInt8(ascii: ":"))
    }
}
