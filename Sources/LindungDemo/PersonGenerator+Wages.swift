import LindungCore
import LindungStorage

extension PersonGenerator {
    mutating func programs(_ role: DemoRole, traits: EmployerTraits) -> [Program] {
        switch role {
        case .company:
            // Micro and small employers may leave out JP; about half do.
            traits.sizeClass == .micro || traits.sizeClass == .small ? (random.chance(0.5) ? DemoMix.puNoJP : DemoMix.puFull) : DemoMix.puFull
        case .nonASN, .jakon: DemoMix.jkkJkm
        case .bpu: traits.vulnerable || random.chance(0.7) ? DemoMix.jkkJkm : DemoMix.jkkJkmJht
        case .pmi: random.chance(0.7) ? DemoMix.pmiPackage : DemoMix.pmiWithJHT
        }
    }

    /// The wage history: PU spells running on 1 January of the reference year get that day's raise (the new
    /// UMK); a spell that started before it has the previous year's level from its start.
    mutating func wages(_ role: DemoRole, traits: EmployerTraits, region: RegionPlan, start: Int, end: Int?) -> [WageChange] {
        let previous: Rupiah
        let current: Rupiah
        switch role {
        case .company:
            let u = random.unit()
            if u >= 0.98 && traits.sizeClass != .micro {
                // High earners, above the JP wage cap (about Rp10.5 M).
                let top = 10_600_000 + 34_000_000 * random.unit() * random.unit()
                current = Self.round(top, to: 50_000)
                previous = Self.round(top / 1.07, to: 50_000)
            } else {
                var factor: Double =
                    u < 0.60 ? 1.0 + 0.15 * random.unit()
                    : u < 0.85 ? 1.15 + 0.3 * random.unit()
                    : u < 0.95 ? 1.45 + 0.45 * random.unit() : 1.9 + 0.5 * random.unit()
                if traits.sizeClass == .micro { factor = 1 + (factor - 1) * 0.4 }
                factor *= traits.wageLevel
                previous = Self.roundUp(Double(region.minimumWagePrevious) * factor, to: 1_000)
                current = Self.roundUp(Double(region.minimumWageCurrent) * factor * (1 + 0.04 * random.unit()), to: 1_000)
            }
        case .nonASN:
            // Honoraria from the regional budget, Rp1.2-4 M: often below the UMK.
            previous = Rupiah(random.between(24, 80)) * 50_000
            current = Self.round(Double(previous) * (1.03 + 0.07 * random.unit()), to: 50_000)
        case .bpu:
            // Declared income in Rp100,000 steps: half below Rp2 M; the vulnerable at the Rp1 M floor.
            let u = random.unit()
            let steps = traits.vulnerable ? 10 : u < 0.5 ? random.between(10, 20) : u < 0.8 ? random.between(21, 35) : random.between(36, 50)
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: Rupiah(steps) * 100_000)]
        case .jakon:
            let minimum = start < raiseDay ? region.minimumWagePrevious : region.minimumWageCurrent
            let amount = Self.roundUp(Double(minimum) * (1.0 + 0.6 * random.unit()) * traits.wageLevel, to: 1_000)
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: amount)]
        case .pmi:
            // Income abroad, Rp4.5-12 M.
            return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: Rupiah(random.between(45, 120)) * 100_000)]
        }
        if start < raiseDay {
            let first = WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: previous)
            if let end, end < raiseDay { return [first] }
            return [first, WageChange(effectiveFrom: raiseDate, amount: max(current, previous))]
        }
        return [WageChange(effectiveFrom: CalendarDate(dayNumber: start), amount: current)]
    }

    static func roundUp(_ value: Double, to step: Rupiah) -> Rupiah { Rupiah((value / Double(step)).rounded(.up)) * step }

    static func round(_ value: Double, to step: Rupiah) -> Rupiah { Rupiah((value / Double(step)).rounded()) * step }
}
