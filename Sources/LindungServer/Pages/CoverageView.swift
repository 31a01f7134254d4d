import LindungCore

/// The template values of the coverage page: every figure already written for people.
struct CoverageView {
    let figures: CoverageFigures
    let language: PageLanguage
    let sort: CoverageSort
    /// The page's query without `sort`, for the sort links.
    let query: String

    var strings: [String: String] { language.strings }

    var values: [String: Any] {
        let region = figures.region
        return [
            "region_name": region.regionName, "region_code": region.regionCode, "period": figures.period.description,
            "reference_date": PageFormat.date(figures.referenceDate, language), "refreshed_at": figures.refreshedAt.map(refreshed) ?? "–",
            "has_data": figures.hasData, "month": PageFormat.month(figures.period.month, language),
            "summary": summary(region), "parts": sort.sorted(figures.parts).map(part), "has_parts": !figures.parts.isEmpty,
            "sort_links": Dictionary(uniqueKeysWithValues: CoverageSort.Key.allCases.map { ($0.rawValue, "?\(query)&sort=\(sort.link(for: $0))") }),
            "sort": sort.text,
            "segments": Segment.allCases.map { segment -> [String: Any] in
                [
                    "segment": strings["segment_\(segment.rawValue)"] ?? segment.rawValue,
                    "active": CoverageFormat.count(region.counts.activeBySegment[segment] ?? 0),
                    "enrolled": CoverageFormat.count(region.counts.enrolledBySegment[segment] ?? 0),
                ]
            },
            "programs": [Program.jkk, .jkm, .jht, .jp, .jkp].map {
                ["program": $0.rawValue, "active": CoverageFormat.count(region.counts.activeByProgram[$0] ?? 0)] as [String: Any]
            },
            "branches": figures.branches.map {
                ["code": $0.branchCode, "name": $0.branchName, "active": CoverageFormat.count($0.counts.active),
                    "enrolled": CoverageFormat.count($0.counts.enrolled)] as [String: Any]
            },
            "has_branches": !figures.branches.isEmpty,
            "agencies": figures.agencies.map {
                [
                    "npp": $0.npp, "name": $0.name, "roster": $0.roster.map(CoverageFormat.count) ?? strings["coverage_unknown"]!,
                    "registered": CoverageFormat.count($0.registered), "active": CoverageFormat.count($0.active),
                    "percent": CoverageFormat.percent($0.percent, language, places: 1), "gap": $0.gap.map(CoverageFormat.count) ?? "–",
                ] as [String: Any]
            },
            "has_agencies": !figures.agencies.isEmpty,
        ]
    }

    /// `2026-12-04T15:12:16Z` → `4 Desember 2026 15:12 UTC` (the stored ISO 8601 time as is, when it is not one).
    func refreshed(_ iso: String) -> String {
        guard iso.count >= 16, let day = CalendarDate(iso: iso.prefix(10)) else { return iso }
        let time = iso.dropFirst(11).prefix(5)
        return "\(PageFormat.date(day, language)) \(time)\(iso.hasSuffix("Z") ? " UTC" : "")"
    }

    func summary(_ region: RegionCoverage) -> [[String: String]] {
        var rows: [(String, String)] = [
            ("coverage_enrolled", CoverageFormat.count(region.counts.enrolled)),
            ("coverage_active", CoverageFormat.count(region.counts.active)),
            ("coverage_employed", CoverageFormat.workforce(region.employed, language)),
            ("coverage_ucj", CoverageFormat.percent(region.ucj?.percent, language)),
            ("coverage_formal", CoverageFormat.percent(region.formalCoverage?.percent, language)),
            ("coverage_informal", CoverageFormat.percent(region.informalCoverage?.percent, language)),
            ("coverage_non_asn_active", CoverageFormat.count(region.counts.activeNonASN)),
        ]
        for (key, change) in [("coverage_qoq", region.quarterOverQuarter), ("coverage_yoy", region.yearOverYear)] {
            guard let change else {
                rows.append((key, strings["coverage_no_earlier"]!))
                continue
            }
            rows.append((key, "\(CoverageFormat.signed(change.activeChange)) · UCJ \(CoverageFormat.points(change.ucjChangePoints, language))"))
        }
        if let target = region.target {
            rows.append(("coverage_target", "\(CoverageFormat.percent(target.ucjPercent, language)) (\(target.year), \(target.source))"))
        }
        if let projection = region.projection {
            let text: String
            switch projection.reason {
            case .reached: text = strings["projection_reached"]!
            case .onPace: text = "\(strings["projection_on_pace"]!) \(projection.reachedIn?.description ?? "–")"
            case .flatOrFalling: text = strings["projection_flat"]!
            case .unknownPace: text = strings["projection_unknown"]!
            }
            rows.append(("coverage_projection", text))
        }
        return rows.map { ["label": strings[$0.0]!, "value": $0.1] }
    }

    func part(_ part: RegionCoverage) -> [String: Any] {
        let counts = part.counts
        return [
            "code": part.regionCode, "name": part.regionName, "active": CoverageFormat.count(counts.active),
            "pu": CoverageFormat.count(counts.activeBySegment[.pu] ?? 0), "bpu": CoverageFormat.count(counts.activeBySegment[.bpu] ?? 0),
            "jakon": CoverageFormat.count(counts.activeBySegment[.jakon] ?? 0), "pmi": CoverageFormat.count(counts.activeBySegment[.pmi] ?? 0),
            "employed": part.employed.map { CoverageFormat.count(Int($0.persons)) } ?? strings["coverage_unknown"]!,
            "ucj": CoverageFormat.percent(part.ucj?.percent, language), "unknown": part.ucj == nil,
            "change": part.quarterOverQuarter.map { CoverageFormat.signed($0.activeChange) } ?? "–",
        ]
    }
}
