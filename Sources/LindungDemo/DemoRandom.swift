/// SplitMix64 (Steele, Lea, Flood 2014): expands one seed into the state of the main generator.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman, Vigna 2018), our own so that a seed gives the same registry on every platform
/// and toolchain: no SystemRandomNumberGenerator, no stdlib shuffle, no libm (only +, -, *, / on Doubles).
struct DemoRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for one purpose (`stream`) of one seed; streams are independent of each other, so
    /// adding draws to one part of the generator does not change the others.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A number in 0..<bound (Lemire's multiply-shift; the bias is below 2^-40 for our bounds).
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A number in lower...upper.
    mutating func between(_ lower: Int, _ upper: Int) -> Int { lower + below(upper - lower + 1) }

    /// A Double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Fisher-Yates, our own so the order never depends on the standard library's algorithm.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }
}

/// Picks an index with probability proportional to its weight (binary search on cumulative weights).
struct WeightedIndex {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { weight in
            total += max(0, weight)
            return total
        }
    }

    var isEmpty: Bool { (cumulative.last ?? 0) <= 0 }

    func pick(_ random: inout DemoRandom) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

enum Apportion {
    /// Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the lower index).
    static func largestRemainder(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * max(0, $0) / sum }
        var parts = exact.map { Int($0) }
        var left = total - parts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
        var cursor = 0
        while left > 0 {
            parts[order[cursor % order.count]] += 1
            left -= 1
            cursor += 1
        }
        return parts
    }
}
