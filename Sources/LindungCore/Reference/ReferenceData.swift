/// The official reference tables bundled with Lindung (regions, minimum wages, labour force, holidays),
/// copied from the project's shared data with their SOURCES.md and licences.
public struct ReferenceData: Sendable {
    public let regions: RegionDirectory
    public let minimumWages: MinimumWageTable
    public let labourForce: LabourForceTable
    public let holidays: HolidayCalendar

    public init(source: TableSource = .bundled) throws(DomainError) {
        regions = try RegionDirectory(
            table: try source.table(RegionDirectory.file, in: "reference", requiredColumns: ["code", "name", "level", "parent_code"]))
        minimumWages = try MinimumWageTable(
            table: try source.table(MinimumWageTable.file, in: "reference", requiredColumns: ["region_code", "year", "monthly_wage_idr"]))
        labourForce = try LabourForceTable(
            table: try source.table(
                LabourForceTable.file, in: "reference", requiredColumns: ["region_code", "period", "employed", "formal_employed"]))
        holidays = try HolidayCalendar(
            table: try source.table(HolidayCalendar.file, in: "reference", requiredColumns: ["date", "name", "kind"]))
    }
}
