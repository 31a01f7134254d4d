/// A validated NIK (Nomor Induk Kependudukan), the 16-digit population number on every Indonesian ID card.
///
/// Layout: province (2) regency/city (2) district (2) birth day (2, +40 for women) birth month (2)
/// birth year (2) serial (4, from 0001). The region prefix is Dukcapil's, which matches the Kemendagri
/// code for all but a few new Papua regencies (reference/SOURCES.md §1): a NIK whose regency is not in the
/// regions table is refused here and must be corrected or the table amended.
public struct NIK: Hashable, Sendable, CustomStringConvertible {
    public enum Sex: String, Sendable { case male, female }

    public let value: String
    public let province: Region
    public let regency: Region
    public let districtCode: String
    public let sex: Sex
    public let birthDate: CalendarDate
    public let serial: Int

    public var description: String { value }

    /// The NIK shown with its middle hidden (`3604••••••••0001`), for people who need not see it whole.
    public var masked: String {
        String(value.prefix(4)) + String(repeating: "•", count: 8) + String(value.suffix(4))
    }

    /// Validates `text` and decodes its parts.
    /// - Parameter currentYear: decides the century of the two-digit birth year (ruling 13): 20YY when
    ///   that is not after the current year, else 19YY. A parameter so results do not depend on the clock.
    public init(_ text: String, regions: RegionDirectory, currentYear: Int) throws(DomainError) {
        func reject(_ reason: String) -> DomainError { .invalidInput(field: "NIK", value: text, reason: reason) }
        guard text.count == 16 else { throw reject("must have 16 digits, found \(text.count) characters") }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw reject("must contain digits only") }
        let digits = Array(text)
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        func part(_ range: Range<Int>) -> String { String(digits[range]) }

        guard let province = regions.region(code: part(0..<2)), province.level == .province else {
            throw reject("province code \(part(0..<2)) (digits 1-2) does not exist")
        }
        guard let regency = regions.region(code: part(0..<4)), regency.parentCode == province.code else {
            throw reject("regency/city code \(part(0..<4)) (digits 1-4) does not exist in province \(province.code)")
        }
        guard part(4..<6) != "00" else { throw reject("district code (digits 5-6) cannot be 00") }

        var day = number(6..<8)
        let sex: Sex = day > 40 ? .female : .male
        if sex == .female { day -= 40 }
        guard (1...31).contains(day) else {
            throw reject("birth day \(part(6..<8)) (digits 7-8) must be 01-31, or 41-71 for women")
        }
        let month = number(8..<10)
        guard (1...12).contains(month) else { throw reject("birth month \(part(8..<10)) (digits 9-10) must be 01-12") }
        let twoDigitYear = number(10..<12)
        let century = twoDigitYear <= currentYear % 100 ? (currentYear / 100) * 100 : (currentYear / 100 - 1) * 100
        guard let birthDate = CalendarDate(year: century + twoDigitYear, month: month, day: day) else {
            throw reject("birth date \(day)-\(month)-\(century + twoDigitYear) (digits 7-12) is not a real calendar date")
        }
        let serial = number(12..<16)
        guard serial >= 1 else { throw reject("serial number (digits 13-16) must start at 0001") }

        self.value = text
        self.province = province
        self.regency = regency
        self.districtCode = part(0..<6)
        self.sex = sex
        self.birthDate = birthDate
        self.serial = serial
    }
}
