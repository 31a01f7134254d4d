import LindungReports
import Testing

@Suite("SVG charts and Indonesian numbers")
struct ChartTests {
    @Test("numbers are written the Indonesian way")
    func numbers() {
        #expect(NumberFormat.grouped(5_234_117) == "5.234.117")
        #expect(NumberFormat.grouped(-1_000) == "-1.000")
        #expect(NumberFormat.decimal(12.345, 1) == "12,3")
        #expect(NumberFormat.decimal(1234.5, 2) == "1.234,50")
        #expect(NumberFormat.percent(0.1023) == "10,2%")
        #expect(NumberFormat.percent(nil) == "–")
        #expect(NumberFormat.points(0.012) == "+1,2 pp")
        #expect(NumberFormat.points(-0.004) == "-0,4 pp")
        #expect(NumberFormat.compact(1_250_000) == "1,3 jt")
        #expect(NumberFormat.compact(350_000) == "350 rb")
    }

    @Test("a bar chart: one bar per known value, the unknown one without a bar, axis ticks to 100 %")
    func bars() {
        let chart = BarChart(
            title: "Cakupan per kabupaten/kota",
            bars: [
                .init(label: "Kabupaten Serang", value: 0.5, valueText: "50,0%"),
                .init(label: "Kota Cilegon", value: 0.25, valueText: "25,0%"),
                .init(label: "Kabupaten Lebak", value: nil, valueText: "tidak ada data"),
            ], axisMaximum: 1) { NumberFormat.percent($0, places: 0) }
        let svg = chart.svg()
        #expect(occurrences(of: "<rect ", in: svg) == 2)
        #expect(svg.contains(">Kabupaten Lebak</text>"))
        #expect(svg.contains(">tidak ada data</text>"))
        #expect(svg.contains(">100%</text>") && svg.contains(">0%</text>"))
        #expect(svg.contains("<title>Cakupan per kabupaten/kota</title>"))
        #expect(svg == chart.svg())
    }

    @Test("a line chart: a gap where a quarter has no figure, a marker per known point, a legend")
    func lines() {
        let chart = LineChart(
            title: "Peserta aktif", categories: ["2024Q2", "2024Q3", "2024Q4", "2025Q1"],
            series: [.init(name: "Aktif", values: [100, nil, 300, 400], colour: LineChart.palette[0])]) { NumberFormat.compact($0) }
        let svg = chart.svg()
        #expect(occurrences(of: "<polyline", in: svg) == 1)
        #expect(occurrences(of: "<circle", in: svg) == 3)
        #expect(svg.contains(">2025Q1</text>"))
        #expect(svg.contains(">Aktif</text>"))
    }
}
