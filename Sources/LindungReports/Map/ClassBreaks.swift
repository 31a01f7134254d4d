/// The classes of a choropleth: ascending limits between classes and one colour per class
/// (ColorBrewer "Blues", sequential, readable in grey print), plus the colour for a region without a figure.
public struct ClassBreaks: Sendable, Equatable {
    /// `limits[i]` is the lower bound of class i + 1; class 0 holds everything below `limits[0]`.
    public let lower: Double
    public let limits: [Double]
    public let upper: Double
    public let colours: [String]

    public static let blues = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// A region without a figure (no workforce denominator, no data): never drawn as 0 %.
    public static let unknownColour = "#d4d4d4"

    public init(lower: Double, limits: [Double], upper: Double, colours: [String]) {
        precondition(colours.count == limits.count + 1, "one colour per class")
        self.lower = lower
        self.limits = limits
        self.upper = upper
        self.colours = colours
    }

    /// Equal intervals over the known values, each limit a multiple of `step` (1 percentage point for a
    /// ratio), at most `classes` classes; one class when all values round the same; nil without values.
    public static func equalInterval(_ values: [Double], classes: Int = 5, step: Double = 0.01) -> ClassBreaks? {
        let known = values.filter(\.isFinite)
        guard let smallest = known.min(), let largest = known.max() else { return nil }
        let lower = (smallest / step).rounded(.down) * step
        var upper = (largest / step).rounded(.up) * step
        if upper <= lower { upper = lower + step }
        let units = Int(((upper - lower) / step).rounded())
        let count = max(1, min(classes, units))
        let width = Double((units + count - 1) / count) * step
        let limits = (1..<count).map { lower + Double($0) * width }.filter { $0 < upper }
        let classCount = limits.count + 1
        let colours = (0..<classCount).map { blues[classCount == 1 ? 2 : ($0 * (blues.count - 1) + (classCount - 1) / 2) / (classCount - 1)] }
        return ClassBreaks(lower: lower, limits: limits, upper: upper, colours: colours)
    }

    public var classCount: Int { limits.count + 1 }

    public func classIndex(_ value: Double) -> Int {
        limits.firstIndex { value < $0 } ?? limits.count
    }

    public func colour(_ value: Double?) -> String {
        guard let value, value.isFinite else { return Self.unknownColour }
        return colours[classIndex(value)]
    }

    /// Each class's bounds, for the legend: (from, to).
    public var ranges: [(Double, Double)] {
        let edges = [lower] + limits + [upper]
        return (0..<classCount).map { (edges[$0], edges[$0 + 1]) }
    }
}
