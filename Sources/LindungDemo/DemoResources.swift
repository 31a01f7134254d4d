import Foundation
import LindungCore

/// The files bundled with the demo: Dukcapil's 2024 population by region (weights) and Faker's
/// Indonesian names (MIT, see Resources/indonesian_names.LICENSE.txt).
struct DemoResources: Sendable {
    /// Registered residents at 2024-12-31 by region code (`population_total`).
    let population: [String: Int]
    /// Ready-made full names by sex: "First Last" for every pair, then the single names.
    let names: NamePool

    static func load() throws(DemoError) -> DemoResources {
        let population = try rows("population_2024.csv", columns: ["region_code", "population_total"])
        var byCode: [String: Int] = [:]
        for row in population { byCode[row[0]] = Int(row[1]) ?? 0 }
        var first: [NIK.Sex: [String]] = [.male: [], .female: []]
        var last: [NIK.Sex: [String]] = [.male: [], .female: []]
        for row in try rows("indonesian_names.csv", columns: ["name", "part", "gender"]) {
            guard let sex = NIK.Sex(rawValue: row[2]), !row[0].isEmpty else { continue }
            if row[1] == "first" { first[sex, default: []].append(row[0]) } else { last[sex, default: []].append(row[0]) }
        }
        guard let maleFirst = first[.male], let femaleFirst = first[.female], !maleFirst.isEmpty, !femaleFirst.isEmpty else {
            throw .missingResource("indonesian_names.csv")
        }
        return DemoResources(
            population: byCode,
            names: NamePool(
                male: NamePool.Names(first: maleFirst, last: last[.male] ?? []),
                female: NamePool.Names(first: femaleFirst, last: last[.female] ?? [])))
    }

    /// The named columns of a small bundled CSV (no quoted fields in these files).
    private static func rows(_ file: String, columns: [String]) throws(DemoError) -> [[String]] {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
            let text = String(data: data, encoding: .utf8)
        else { throw .missingResource(file) }
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard !lines.isEmpty else { throw .missingResource(file) }
        let header = lines.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        let indices = columns.compactMap { header.firstIndex(of: $0) }
        guard indices.count == columns.count else { throw .missingResource(file) }
        return lines.filter { $0.count == header.count }.map { fields in indices.map { String(fields[$0]).trimmingCharacters(in: .whitespaces) } }
    }
}

/// Full names built once ("Budi Santoso", and single names such as "Suharti"), so that a person's name
/// is an array lookup rather than a string concatenation in the hot loop. `all` holds each name once, sorted
/// (case-insensitively, then by bytes) so that its order never depends on hashing.
struct NamePool: Sendable {
    struct Names: Sendable {
        let first: [String]
        let last: [String]
    }

    let all: [String]
    private let maleFull: [Int32]
    private let femaleFull: [Int32]
    private let maleSingle: [Int32]
    private let femaleSingle: [Int32]

    init(male: Names, female: Names) {
        func pairs(_ names: Names) -> [String] {
            names.last.isEmpty ? names.first : names.first.flatMap { first in names.last.map { first + " " + $0 } }
        }
        let groups = [pairs(male), pairs(female), male.first, female.first]
        all = Array(Set(groups.joined())).sorted { a, b in
            let (x, y) = (Array(a.lowercased().utf8), Array(b.lowercased().utf8))
            return x == y ? Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) : x.lexicographicallyPrecedes(y)
        }
        var position: [String: Int32] = [:]
        for (index, name) in all.enumerated() { position[name] = Int32(index) }
        let indexed = groups.map { $0.map { position[$0]! } }
        maleFull = indexed[0]
        femaleFull = indexed[1]
        maleSingle = indexed[2]
        femaleSingle = indexed[3]
    }

    /// A name's index in `all`; about one name in ten is a single name, as is common in Java.
    func name(_ sex: NIK.Sex, _ random: inout DemoRandom) -> Int32 {
        let single = random.below(10) == 0
        switch (sex, single) {
        case (.male, false): return maleFull[random.below(maleFull.count)]
        case (.male, true): return maleSingle[random.below(maleSingle.count)]
        case (.female, false): return femaleFull[random.below(femaleFull.count)]
        case (.female, true): return femaleSingle[random.below(femaleSingle.count)]
        }
    }

    /// A family name, for company names ("PT Santoso Jaya Abadi").
    func anyLast(_ random: inout DemoRandom) -> String {
        let full = all[Int(maleFull[random.below(maleFull.count)])]
        return String(full.split(separator: " ").last ?? Substring(full))
    }
}
