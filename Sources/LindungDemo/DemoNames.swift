import LindungStorage

/// Names for generated employers: companies in a handful of sectors, OPDs, construction projects,
/// BPU collectives and placement agencies. Invented from common Indonesian business words; any likeness to
/// a real company is chance.
enum DemoNames {
    /// "Serang" from "Kabupaten Serang" or "Kota Serang".
    static func shortName(_ name: String) -> String {
        for prefix in ["Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// "KC-TANGERANG-SELATAN" style codes.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.uppercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if character == " " || character == "-", !out.hasSuffix("-") {
                out.append("-")
            }
        }
        return out
    }

    static let words = [
        "Sinar", "Jaya", "Abadi", "Makmur", "Sentosa", "Mandiri", "Sejahtera", "Berkah", "Maju", "Bersama", "Karya", "Utama",
        "Mulia", "Prima", "Nusantara", "Perkasa", "Cahaya", "Mitra", "Anugerah", "Agung", "Lestari", "Tunggal", "Raya", "Sukses",
        "Gemilang", "Putra", "Sumber", "Rejeki", "Indah", "Harapan", "Bintang", "Samudra", "Global", "Insan", "Cipta", "Tirta",
        "Surya", "Buana", "Karunia", "Mega",
    ]

    /// A sector: the words its companies' names end with, its JKK risk class (PP 44/2015 groups 1-5) and
    /// its weight among employers. Weighted to classes 1 and 2, as most employers trade or serve.
    struct Sector {
        let suffixes: [String]
        let riskClass: Int
        let weight: Double
    }

    static let sectors: [Sector] = [
        Sector(suffixes: ["Niaga", "Trading", "Retailindo", "Distribusi"], riskClass: 1, weight: 28),
        Sector(suffixes: ["Jasa", "Solusindo", "Consulting", "Hotel", "Edukasi"], riskClass: 1, weight: 20),
        Sector(suffixes: ["Food Industries", "Pangan", "Bakery", "Beverages"], riskClass: 2, weight: 12),
        Sector(suffixes: ["Garmen", "Textile", "Footwear", "Apparel"], riskClass: 2, weight: 12),
        Sector(suffixes: ["Logistik", "Transport", "Ekspedisi", "Cargo"], riskClass: 3, weight: 8),
        Sector(suffixes: ["Plastik", "Elektronik", "Autoparts", "Packaging"], riskClass: 3, weight: 8),
        Sector(suffixes: ["Agro", "Perikanan", "Perkebunan"], riskClass: 3, weight: 4),
        Sector(suffixes: ["Kimia", "Steel", "Petrochemical", "Metal Works"], riskClass: 4, weight: 5),
        Sector(suffixes: ["Konstruksi", "Teknik"], riskClass: 4, weight: 2),
        Sector(suffixes: ["Energi", "Tambang"], riskClass: 5, weight: 1),
    ]

    /// "PT Sinar Jaya Garmen", "CV Berkah Mandiri Niaga", "UD Sumber Rejeki", "PT Santoso Prima Logistik".
    static func company(_ sector: Sector, size: SizeClass, names: NamePool, _ random: inout DemoRandom) -> String {
        let form: String
        switch size {
        case .micro: form = ["UD", "CV", "CV", "PT"][random.below(4)]
        case .small: form = random.chance(0.5) ? "CV" : "PT"
        case .medium, .large: form = "PT"
        }
        let first = random.chance(0.2) ? names.anyLast(&random) : words[random.below(words.count)]
        var second = words[random.below(words.count)]
        if second == first { second = words[(random.below(words.count - 1) + 1) % words.count] }
        if form == "UD" { return "UD \(first) \(second)" }
        let suffix = sector.suffixes[random.below(sector.suffixes.count)]
        let listed = size == .large && random.chance(0.05) ? " Tbk" : ""
        return "\(form) \(first) \(second) \(suffix)\(listed)"
    }

    static func placementAgency(_ random: inout DemoRandom) -> String {
        let tail = ["Tenaga Kerja Mandiri", "Sumber Daya Manusia", "Manpower Indonesia", "Penempatan Kerja", "Bina Karya Migran"]
        return "PT \(words[random.below(words.count)]) \(tail[random.below(tail.count)])"
    }

    /// Construction works, as a region's procurement lists them.
    static let works = [
        "Pembangunan Jalan", "Peningkatan Jalan", "Pembangunan Jembatan", "Pembangunan Gedung Sekolah", "Rehabilitasi Saluran Irigasi",
        "Pembangunan Perumahan", "Pembangunan Gudang", "Pembangunan Pabrik", "Revitalisasi Pasar", "Pembangunan Drainase",
        "Pembangunan Gedung Kantor", "Pembangunan Rumah Sakit",
    ]

    /// The BPU collectives of a regency: the open "wadah" most self-employed join, the collective whose
    /// vulnerable members the region pays for, and occupational groups. Shares of the regency's BPU.
    static let collectives: [(name: String, share: Double, vulnerable: Bool, riskClass: Int)] = [
        ("Wadah BPU Mandiri", 0.58, false, 1),
        ("Wadah Pekerja Rentan (APBD)", 0.15, true, 1),
        ("Paguyuban Pedagang Pasar", 0.11, false, 1),
        ("Komunitas Ojek Daring", 0.08, false, 3),
        ("Kelompok Tani dan Nelayan", 0.08, false, 3),
    ]

    /// Where the government's OPDs are: which agencies a province or a regency/city has.
    enum Level { case both, regionalOnly, provinceOnly }

    /// A regional government agency (OPD): its name, its weight among the government's non-ASN, their mix of
    /// categories (honorer, THL; the rest PTT) and its JKK risk class.
    struct Office {
        let name: String
        let weight: Double
        let honorer: Double
        let thl: Double
        let riskClass: Int
        var level = Level.both
    }

    static let offices: [Office] = [
        Office(name: "Sekretariat Daerah", weight: 5, honorer: 0.5, thl: 0.4, riskClass: 1),
        Office(name: "Sekretariat DPRD", weight: 2.5, honorer: 0.5, thl: 0.4, riskClass: 1),
        Office(name: "Inspektorat", weight: 1, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Badan Perencanaan Pembangunan Daerah", weight: 1, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Badan Pengelolaan Keuangan dan Aset Daerah", weight: 2, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Badan Pendapatan Daerah", weight: 2, honorer: 0.5, thl: 0.4, riskClass: 1, level: .provinceOnly),
        Office(name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", weight: 1.2, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Dinas Pendidikan dan Kebudayaan", weight: 30, honorer: 0.85, thl: 0.05, riskClass: 1),
        Office(name: "Dinas Kesehatan", weight: 10, honorer: 0.4, thl: 0.2, riskClass: 1),
        Office(name: "RSUD", weight: 10, honorer: 0.3, thl: 0.2, riskClass: 2),
        Office(name: "Dinas Pekerjaan Umum dan Penataan Ruang", weight: 6, honorer: 0.2, thl: 0.75, riskClass: 3),
        Office(name: "Satuan Polisi Pamong Praja", weight: 6, honorer: 0.3, thl: 0.7, riskClass: 2),
        Office(name: "Dinas Perhubungan", weight: 4, honorer: 0.15, thl: 0.8, riskClass: 2),
        Office(name: "Dinas Lingkungan Hidup", weight: 9, honorer: 0.1, thl: 0.9, riskClass: 2),
        Office(name: "Dinas Sosial", weight: 2, honorer: 0.5, thl: 0.4, riskClass: 1),
        Office(name: "Dinas Kependudukan dan Pencatatan Sipil", weight: 3, honorer: 0.6, thl: 0.3, riskClass: 1, level: .regionalOnly),
        Office(name: "Dinas Pertanian", weight: 2, honorer: 0.4, thl: 0.5, riskClass: 2),
        Office(name: "Dinas Perindustrian dan Perdagangan", weight: 1.5, honorer: 0.5, thl: 0.4, riskClass: 1),
        Office(name: "Badan Penanggulangan Bencana Daerah", weight: 2, honorer: 0.3, thl: 0.7, riskClass: 2),
        Office(name: "Dinas Komunikasi dan Informatika", weight: 1.5, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", weight: 1.5, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Dinas Tenaga Kerja dan Transmigrasi", weight: 1, honorer: 0.6, thl: 0.3, riskClass: 1),
        Office(name: "Dinas Perumahan Rakyat dan Kawasan Permukiman", weight: 2, honorer: 0.3, thl: 0.6, riskClass: 2),
    ]
}
