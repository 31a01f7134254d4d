import Testing

@testable import LindungCore

/// NIK parsing and validation.
/// REGULATIONS.md §6: NIK = province(2) regency/city(2) district(2) DDMMYY (women: DD+40) serial(4, from 0001).
/// Ruling 13: the two-digit birth year is 20YY when that is not after the current year, else 19YY.
@Suite("NIK")
struct IdentifierNIKTests {
    let regions: RegionDirectory

    init() throws {
        regions = try ReferenceData().regions
    }

    /// Parses `text` expecting a refusal; returns the reason of the `invalidInput` error and its description.
    private func rejection(
        _ text: String, currentYear: Int = 2026, sourceLocation: SourceLocation = #_sourceLocation
    ) -> (reason: String, description: String)? {
        let error = #expect(throws: DomainError.self, sourceLocation: sourceLocation) {
            try NIK(text, regions: regions, currentYear: currentYear)
        }
        guard let error else { return nil }
        guard case .invalidInput(let field, let value, let reason) = error else {
            Issue.record("expected invalidInput, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(field == "NIK", sourceLocation: sourceLocation)
        #expect(value == text, sourceLocation: sourceLocation)
        #expect(error.description.contains("NIK"), sourceLocation: sourceLocation)
        #expect(error.description.contains(reason), sourceLocation: sourceLocation)
        return (reason, error.description)
    }

    // MARK: - Decoding

    @Test("A woman's NIK decodes region, sex, birth date (day - 40) and serial")
    func decodesFemaleNIK() throws {
        // REGULATIONS.md §6: 35 = Jawa Timur, 3515 = Sidoarjo, district 14, day 45 = 5 + 40 (woman),
        // month 08, year 68, serial 0002.
        let nik = try NIK("3515144508680002", regions: regions, currentYear: 2026)
        #expect(nik.value == "3515144508680002")
        #expect(nik.description == "3515144508680002")
        #expect(nik.province.code == "35")
        #expect(nik.province.name == "Jawa Timur")
        #expect(nik.province.level == .province)
        #expect(nik.regency.code == "3515")
        #expect(nik.regency.parentCode == "35")
        #expect(nik.districtCode.hasSuffix("14"))
        #expect(nik.sex == .female)
        // Ruling 13: 68 > 26, so 1968.
        #expect(nik.birthDate == CalendarDate(year: 1968, month: 8, day: 5))
        #expect(nik.serial == 2)
    }

    @Test("A man's NIK keeps the birth day as written")
    func decodesMaleNIK() throws {
        // REGULATIONS.md §6: men's DD is the day itself (01-31). 3604 = Kabupaten Serang in Banten (36).
        let nik = try NIK("3604011203900017", regions: regions, currentYear: 2026)
        #expect(nik.province.code == "36")
        #expect(nik.province.name == "Banten")
        #expect(nik.regency.code == "3604")
        #expect(nik.regency.name == "Kabupaten Serang")
        #expect(nik.sex == .male)
        #expect(nik.birthDate == CalendarDate(year: 1990, month: 3, day: 12))
        #expect(nik.serial == 17)
    }

    @Test("A city (Kota) prefix is accepted like a regency")
    func acceptsCityPrefix() throws {
        // REGULATIONS.md §6: regency 01-69 / city 71-99; 3273 = Kota Bandung in Jawa Barat (32).
        let nik = try NIK("3273013112850001", regions: regions, currentYear: 2026)
        #expect(nik.regency.code == "3273")
        #expect(nik.regency.level == .city)
        #expect(nik.province.code == "32")
        #expect(nik.birthDate == CalendarDate(year: 1985, month: 12, day: 31))
        #expect(nik.sex == .male)
    }

    @Test("The highest woman's day, 71, is the 31st")
    func acceptsDay71() throws {
        // REGULATIONS.md §6: women DD + 40, so 41-71.
        let nik = try NIK("3515147101950001", regions: regions, currentYear: 2026)
        #expect(nik.sex == .female)
        #expect(nik.birthDate == CalendarDate(year: 1995, month: 1, day: 31))
    }

    @Test("masked hides the middle eight digits")
    func masked() throws {
        let nik = try NIK("3515144508680002", regions: regions, currentYear: 2026)
        #expect(nik.masked == "3515••••••••0002")
    }

    // MARK: - Ruling 13: century pivot

    @Test("YY equal to the current year's two digits is 20YY")
    func centuryPivotCurrentYear() throws {
        // Ruling 13: 2026 is not after 2026, so YY = 26 → 2026.
        let nik = try NIK("3515140501260001", regions: regions, currentYear: 2026)
        #expect(nik.birthDate == CalendarDate(year: 2026, month: 1, day: 5))
    }

    @Test("YY one past the current year is 19YY")
    func centuryPivotNextYear() throws {
        // Ruling 13: 2027 is after 2026, so YY = 27 → 1927.
        let nik = try NIK("3515140501270001", regions: regions, currentYear: 2026)
        #expect(nik.birthDate == CalendarDate(year: 1927, month: 1, day: 5))
    }

    @Test("YY = 00 is 2000")
    func centuryPivotZero() throws {
        // Ruling 13: 2000 is not after 2026 → 2000.
        let nik = try NIK("3515140501000001", regions: regions, currentYear: 2026)
        #expect(nik.birthDate == CalendarDate(year: 2000, month: 1, day: 5))
    }

    @Test("The pivot follows the currentYear parameter, not the clock")
    func centuryPivotFollowsParameter() throws {
        // Ruling 13: with current year 2020, YY = 24 is after it → 1924; with 2026 → 2024.
        let in2020 = try NIK("3515140501240001", regions: regions, currentYear: 2020)
        #expect(in2020.birthDate.year == 1924)
        let in2026 = try NIK("3515140501240001", regions: regions, currentYear: 2026)
        #expect(in2026.birthDate.year == 2024)
    }

    // MARK: - Leap years

    @Test("29 February is accepted in a leap year (1968)")
    func leapDay1968() throws {
        // REGULATIONS.md §6: DDMMYY must be a real date; 1968 is a leap year.
        let nik = try NIK("3515142902680001", regions: regions, currentYear: 2026)
        #expect(nik.birthDate == CalendarDate(year: 1968, month: 2, day: 29))
        #expect(nik.sex == .male)
    }

    @Test("29 February is accepted for a woman in 2000 (a leap century year)")
    func leapDay2000Female() throws {
        // Ruling 13: 00 → 2000, which is a leap year (divisible by 400); 1900 would not be.
        let nik = try NIK("3515146902000001", regions: regions, currentYear: 2026)
        #expect(nik.sex == .female)
        #expect(nik.birthDate == CalendarDate(year: 2000, month: 2, day: 29))
    }

    @Test("29 February is refused in a non-leap year (1969)")
    func leapDayRefusedIn1969() throws {
        // REGULATIONS.md §6: the birth date must exist; 1969 is not a leap year.
        let result = try #require(rejection("3515142902690001"))
        #expect(result.reason.contains("birth date"))
        #expect(result.reason.contains("not a real calendar date"))
    }

    // MARK: - Rejections, one per part

    @Test("Too short is refused with the digit count")
    func rejectsShort() throws {
        // REGULATIONS.md §6: 16 digits.
        let result = try #require(rejection("351514450868000"))
        #expect(result.reason.contains("16 digits"))
        #expect(result.reason.contains("15"))
    }

    @Test("Too long is refused with the digit count")
    func rejectsLong() throws {
        // REGULATIONS.md §6: 16 digits.
        let result = try #require(rejection("35151445086800021"))
        #expect(result.reason.contains("16 digits"))
        #expect(result.reason.contains("17"))
    }

    @Test("Empty text is refused")
    func rejectsEmpty() throws {
        // REGULATIONS.md §6: 16 digits.
        let result = try #require(rejection(""))
        #expect(result.reason.contains("16 digits"))
    }

    @Test("Non-digits are refused")
    func rejectsNonDigits() throws {
        // REGULATIONS.md §6: a NIK is digits only (letter O in place of a zero here).
        let result = try #require(rejection("35151445086800O2"))
        #expect(result.reason.contains("digits only"))
    }

    @Test("Non-ASCII digits are refused")
    func rejectsNonASCIIDigits() throws {
        // REGULATIONS.md §6: digits only; Arabic-Indic ٢ is not an ASCII digit.
        let result = try #require(rejection("351514450868000٢"))
        #expect(result.reason.contains("digits only"))
    }

    @Test("An unknown province code is refused")
    func rejectsUnknownProvince() throws {
        // REGULATIONS.md §6: digits 1-2 are a province code; 99 is not one of the 38.
        let result = try #require(rejection("9915144508680002"))
        #expect(result.reason.contains("province"))
        #expect(result.reason.contains("99"))
    }

    @Test("A regency code that does not exist in the province is refused")
    func rejectsUnknownRegency() throws {
        // REGULATIONS.md §6: digits 3-4 are a regency (01-69) or city (71-99) of the province; 35.99 does not exist.
        #expect(regions.region(code: "3599") == nil)
        let result = try #require(rejection("3599144508680002"))
        #expect(result.reason.contains("regency"))
        #expect(result.reason.contains("3599"))
        #expect(result.reason.contains("35"))
    }

    @Test("District 00 is refused")
    func rejectsDistrictZero() throws {
        // REGULATIONS.md §6: digits 5-6 are a district code; 00 is not a district.
        let result = try #require(rejection("3515004508680002"))
        #expect(result.reason.contains("district"))
    }

    @Test("Birth day 00 is refused")
    func rejectsDayZero() throws {
        // REGULATIONS.md §6: DD is 01-31 (men) or 41-71 (women).
        let result = try #require(rejection("3515140008680002"))
        #expect(result.reason.contains("birth day"))
        #expect(result.reason.contains("00"))
    }

    @Test("Birth day 32 is refused")
    func rejectsDay32() throws {
        // REGULATIONS.md §6: 32-40 are neither a man's day nor a woman's day + 40.
        let result = try #require(rejection("3515143208680002"))
        #expect(result.reason.contains("birth day"))
        #expect(result.reason.contains("32"))
    }

    @Test("Birth day 40 (a woman's day 0) is refused")
    func rejectsDay40() throws {
        // REGULATIONS.md §6: women DD + 40, so 40 would be day 0.
        let result = try #require(rejection("3515144008680002"))
        #expect(result.reason.contains("birth day"))
        #expect(result.reason.contains("40"))
    }

    @Test("Birth day 72 (a woman's day 32) is refused")
    func rejectsDay72() throws {
        // REGULATIONS.md §6: women's days run 41-71.
        let result = try #require(rejection("3515147208680002"))
        #expect(result.reason.contains("birth day"))
        #expect(result.reason.contains("72"))
    }

    @Test("Birth month 00 is refused")
    func rejectsMonthZero() throws {
        // REGULATIONS.md §6: MM is 01-12.
        let result = try #require(rejection("3515140500680002"))
        #expect(result.reason.contains("birth month"))
        #expect(result.reason.contains("00"))
    }

    @Test("Birth month 13 is refused")
    func rejectsMonth13() throws {
        // REGULATIONS.md §6: MM is 01-12.
        let result = try #require(rejection("3515140513680002"))
        #expect(result.reason.contains("birth month"))
        #expect(result.reason.contains("13"))
    }

    @Test("30 February is refused")
    func rejects30February() throws {
        // REGULATIONS.md §6: DDMMYY must be a calendar date.
        let result = try #require(rejection("3515143002680002"))
        #expect(result.reason.contains("birth date"))
        #expect(result.reason.contains("not a real calendar date"))
    }

    @Test("A woman's 31 April (day 71, month 04) is refused")
    func rejects31AprilFemale() throws {
        // REGULATIONS.md §6: 71 - 40 = 31, and April has 30 days.
        let result = try #require(rejection("3515147104680002"))
        #expect(result.reason.contains("birth date"))
    }

    @Test("Serial 0000 is refused")
    func rejectsSerialZero() throws {
        // REGULATIONS.md §6: the serial starts at 0001.
        let result = try #require(rejection("3515144508680000"))
        #expect(result.reason.contains("serial"))
        #expect(result.reason.contains("0001"))
    }

    @Test("Serial 0001 is the lowest accepted")
    func acceptsSerialOne() throws {
        // REGULATIONS.md §6: serial from 0001.
        let nik = try NIK("3515144508680001", regions: regions, currentYear: 2026)
        #expect(nik.serial == 1)
    }
}
