/// Spreadsheet column letters for a zero-based index: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
enum ColumnLetters {
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var scalars = String.UnicodeScalarView()
        while n > 0 {
            scalars.append(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
