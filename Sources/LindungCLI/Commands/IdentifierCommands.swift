import ArgumentParser
import LindungCore

/// `lindung nik 3515144508680002`: validates a NIK and shows what it encodes.
struct NIKCommand: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "nik", abstract: "Validate a NIK and decode region, sex and birth date.")
    @Argument(help: "The 16-digit NIK.") var nik: String
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let decoded: NIK
        do {
            decoded = try NIK(nik, regions: common.referenceData().regions, currentYear: ArgumentValue.currentYear)
        } catch let error as DomainError where common.json {
            // Machines get the verdict on stdout as JSON too; the exit code and stderr line still say "bad input".
            print(try JSONOutput.encode(InvalidIdentifierJSON(error: error.description)))
            throw error
        }
        if common.json { return try JSONOutput.encode(NIKJSON(decoded)) }
        return TextTable.render(
            rows: [
                ["NIK", decoded.value], ["Province", "\(decoded.province.code) \(decoded.province.name)"],
                ["Regency/city", "\(decoded.regency.code) \(decoded.regency.name)"], ["Sex", decoded.sex.rawValue],
                ["Birth date", decoded.birthDate.iso], ["Serial", String(decoded.serial)],
            ])
    }
}

/// `lindung npwp 01.234.567.8-901.000`.
struct NPWPCommand: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "npwp", abstract: "Validate an NPWP (15 or 16 digits).")
    @Argument(help: "The NPWP, with or without separators.") var npwp: String
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let decoded = try NPWP(npwp, regions: common.referenceData().regions, currentYear: ArgumentValue.currentYear)
        if common.json { return try JSONOutput.encode(IdentifierJSON(kind: "npwp", value: decoded.digits, format: decoded.format.rawValue)) }
        return "NPWP \(decoded.digits) is valid (\(decoded.format.rawValue))"
    }
}

/// `lindung nib 1234567890123`.
struct NIBCommand: RenderingCommand {
    static let configuration = CommandConfiguration(commandName: "nib", abstract: "Validate an NIB (13 digits).")
    @Argument(help: "The NIB.") var nib: String
    @OptionGroup var common: CommonOptions

    func render() throws -> String {
        let decoded = try NIB(nib)
        if common.json { return try JSONOutput.encode(IdentifierJSON(kind: "nib", value: decoded.value, format: nil)) }
        return "NIB \(decoded.value) is valid"
    }
}
