import Foundation
import LindungReports
import Testing

@Suite("Choropleth map")
struct MapTests {
    let boundaries = try! RegencyBoundaries.bundled.get()

    @Test("the bundled boundaries hold the 514 regencies and cities (SOURCES.md §6), Banten's 8 among them")
    func bundled() throws {
        #expect(boundaries.features.count == 514)
        let banten = boundaries.features(in: "36")
        #expect(banten.map(\.code).sorted() == ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"])
        #expect(banten.first { $0.code == "3604" }?.name == "Kabupaten Serang")
        #expect(boundaries.features(in: "33").count == 35)
        // Banten lies between about 105.1°E–106.8°E and 5.8°S–7.0°S.
        let bounds = try #require(RegencyBoundaries.bounds(of: banten))
        #expect(bounds.minLongitude > 105.0 && bounds.minLongitude < 105.3)
        #expect(bounds.maxLongitude > 106.6 && bounds.maxLongitude < 106.9)
        #expect(bounds.minLatitude > -7.1 && bounds.minLatitude < -6.7)
        #expect(bounds.maxLatitude > -6.0 && bounds.maxLatitude < -5.7)
    }

    @Test("Banten's map: 8 region paths inside the frame, classes in the legend, grey for a region without a figure, the credit")
    func bantenMap() throws {
        let values = ["3601": 0.12, "3602": 0.08, "3603": 0.41, "3604": 0.25, "3671": 0.52, "3672": 0.47, "3673": 0.33]
        let map = ChoroplethMap(title: "Cakupan UCJ", boundaries: boundaries, region: "36", values: values) { NumberFormat.percent($0) }
        let svg = map.svg()
        #expect(occurrences(of: "<path class=\"region\"", in: svg) == 8)
        // 3674 Kota Tangerang Selatan has no figure: grey, "tidak ada data", never 0 %.
        #expect(svg.contains("data-code=\"3674\" fill=\"\(ClassBreaks.unknownColour)\""))
        #expect(svg.contains("<title>Kota Tangerang Selatan (3674): tidak ada data</title>"))
        #expect(svg.contains("<title>Kota Tangerang (3671): 52,0%</title>"))
        #expect(svg.contains("Sumber batas wilayah: Badan Informasi Geospasial, via cahyadsn/wilayah_boundaries (MIT)"))
        // 8 % to 52 %: equal intervals of whole points, 5 classes, plus the no-data entry.
        let breaks = try #require(map.breaks)
        #expect(breaks.classCount == 5)
        #expect(breaks.lower == 0.08)
        #expect(occurrences(of: "class=\"legend-class\"", in: svg) == 5)
        #expect(occurrences(of: "class=\"legend-unknown\"", in: svg) == 1)
        #expect(breaks.colour(0.08) == ClassBreaks.blues[0])
        #expect(breaks.colour(0.52) == ClassBreaks.blues[4])
        #expect(svg.contains("data-code=\"3671\" fill=\"\(ClassBreaks.blues[4])\""))
        // The projection fits the frame: every coordinate within the width and the map's height.
        let projection = try #require(map.projection)
        #expect(projection.width == 600)
        #expect(projection.height > 300 && projection.height <= 520)
        for feature in map.features {
            for point in feature.rings.flatMap({ $0 }) {
                let (x, y) = projection.project(point)
                #expect(x >= 0 && x <= 600 && y >= 0 && y <= projection.height)
            }
        }
        // Deterministic: the same figures give the same bytes.
        #expect(svg == map.svg())
    }

    @Test("a province without any figure: every region grey, only the no-data legend entry")
    func noFigures() {
        let svg = ChoroplethMap(title: "Cakupan", boundaries: boundaries, region: "36", values: [:]) { NumberFormat.percent($0) }.svg()
        #expect(occurrences(of: "fill=\"\(ClassBreaks.unknownColour)\" d=", in: svg) == 8)
        #expect(occurrences(of: "class=\"legend-class\"", in: svg) == 0)
    }

    @Test("the whole country fits too, and parsing the bundled file again gives the same features")
    func national() throws {
        let svg = ChoroplethMap(title: "Indonesia", boundaries: boundaries, region: nil, values: [:], strings: .english) { NumberFormat.percent($0) }
            .svg()
        #expect(occurrences(of: "<path class=\"region\"", in: svg) == 514)
        #expect(svg.contains("Boundaries: Badan Informasi Geospasial"))
    }
}
