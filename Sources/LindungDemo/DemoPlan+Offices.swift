import LindungCore
import LindungStorage

extension DemoPlan {
    /// Banten's offices, modelled on BPJS Ketenagakerjaan's network there (KCs in the cities and the
    /// industrial belt, KCPs in the rural south); any other province gets one office per regency/city.
    private static let bantenOffices: [BranchOffice] = [
        BranchOffice(code: "KC-SERANG", name: "Kantor Cabang Serang", kind: .kc, regionCodes: ["3604", "3673"]),
        BranchOffice(code: "KC-CILEGON", name: "Kantor Cabang Cilegon", kind: .kc, regionCodes: ["3672"]),
        BranchOffice(code: "KC-RANGKASBITUNG", name: "Kantor Cabang Rangkasbitung", kind: .kc, regionCodes: ["3602"]),
        BranchOffice(code: "KC-TANGERANG-CIKOKOL", name: "Kantor Cabang Tangerang Cikokol", kind: .kc, regionCodes: ["3671"]),
        BranchOffice(code: "KC-TANGERANG-BATUCEPER", name: "Kantor Cabang Tangerang Batuceper", kind: .kc, regionCodes: ["3671"]),
        BranchOffice(code: "KC-CIKUPA", name: "Kantor Cabang Cikupa", kind: .kc, regionCodes: ["3603"]),
        BranchOffice(code: "KC-SERPONG", name: "Kantor Cabang Serpong", kind: .kc, regionCodes: ["3674"]),
        BranchOffice(code: "KCP-PANDEGLANG", name: "Kantor Cabang Perintis Pandeglang", kind: .kcp, parentCode: "KC-SERANG", regionCodes: ["3601"]),
        BranchOffice(code: "KCP-LABUAN", name: "Kantor Cabang Perintis Labuan", kind: .kcp, parentCode: "KC-SERANG", regionCodes: ["3601"]),
        BranchOffice(
            code: "KCP-MALINGPING", name: "Kantor Cabang Perintis Malingping", kind: .kcp, parentCode: "KC-RANGKASBITUNG", regionCodes: ["3602"]),
        BranchOffice(code: "KCP-BALARAJA", name: "Kantor Cabang Perintis Balaraja", kind: .kcp, parentCode: "KC-CIKUPA", regionCodes: ["3603"]),
        BranchOffice(code: "KCP-CIPUTAT", name: "Kantor Cabang Perintis Ciputat", kind: .kcp, parentCode: "KC-SERPONG", regionCodes: ["3674"]),
    ]

    func buildOffices() {
        let codes = Set(regions.map(\.region.code))
        if province.code == "36", codes == Set(Self.bantenOffices.flatMap(\.regionCodes)) {
            offices = Self.bantenOffices
            provinceBranch = "KC-SERANG"
        } else {
            offices = genericOffices()
            provinceBranch = offices.first?.code ?? ""
        }
        for index in regions.indices {
            regions[index].branchCodes = offices.filter { $0.regionCodes.contains(regions[index].region.code) }.map(\.code)
        }
    }

    /// The more populous half of the regencies/cities get a KC; the others a KCP under the largest KC.
    private func genericOffices() -> [BranchOffice] {
        let byPopulation = regions.sorted { ($0.population, $1.region.code) > ($1.population, $0.region.code) }
        let shortNames = regions.map(\.shortName)
        let kcCount = (regions.count + 1) / 2
        var result: [BranchOffice] = []
        for (rank, plan) in byPopulation.enumerated() {
            let shared = shortNames.filter { $0 == plan.shortName }.count > 1
            let place = DemoNames.slug(plan.shortName) + (shared ? (plan.region.level == .city ? "-KOTA" : "-KAB") : "")
            if rank < kcCount {
                result.append(
                    BranchOffice(code: "KC-" + place, name: "Kantor Cabang \(plan.shortName)", kind: .kc, regionCodes: [plan.region.code]))
            } else {
                result.append(
                    BranchOffice(
                        code: "KCP-" + place, name: "Kantor Cabang Perintis \(plan.shortName)", kind: .kcp, parentCode: result[0].code,
                        regionCodes: [plan.region.code]))
            }
        }
        return result
    }

    /// Each government (the province and every regency/city) has a PKS for its non-ASN and one for the
    /// vulnerable workers it pays for (Inpres 2/2021; REGULATIONS.md §5), JKK and JKM, for three years.
    func buildAgreements() {
        let year = configuration.referenceMonth.year
        let from = CalendarDate(year: year - 1, month: 1, day: 1)!
        let to = CalendarDate(year: year + 1, month: 12, day: 31)!
        var governments = [(code: province.code, counterpart: "BPJS Ketenagakerjaan Kantor Wilayah \(province.name)")]
        for plan in regions {
            let office = offices.first { $0.code == plan.branchCodes.first }
            governments.append((plan.region.code, "BPJS Ketenagakerjaan " + (office?.name ?? "Kantor Wilayah \(province.name)")))
        }
        for government in governments {
            for (group, label) in [(Agreement.Group.nonASN, "NON-ASN"), (.vulnerable, "RENTAN")] {
                agreements.append(
                    Agreement(
                        number: "PKS/\(government.code)/\(label)/\(year - 1)", kind: .pks, regionCode: government.code,
                        counterpart: government.counterpart, group: group, programs: DemoMix.jkkJkm, effectiveFrom: from, effectiveTo: to))
            }
        }
    }
}
