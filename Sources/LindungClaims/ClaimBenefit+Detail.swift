public import LindungCore

extension ClaimBenefit {
    /// The stored form of what only this type needs: `death`, `stmb:14`, `treatment:7250000`,
    /// `disability:total`, `disability:10`, `left_work`, `pension_age`, `partial:10`; empty for JKM, JKP, JP.
    public var detail: String {
        switch self {
        case .jkm, .jkp, .jp: ""
        case .jkk(.report): "report"
        case .jkk(.treatment(let cost)): "treatment:\(cost)"
        case .jkk(.stmb(let months)): "stmb:\(months)"
        case .jkk(.disability(let percent)): "disability:\(percent.map(\.description) ?? "total")"
        case .jkk(.death): "death"
        case .jht(.leftWork): "left_work"
        case .jht(.pensionAge): "pension_age"
        case .jht(.partial(let percent)): "partial:\(percent)"
        }
    }

    /// Reads a type and its detail back (the inverse of `detail`).
    public init(type: ClaimType, detail: String) throws(DomainError) {
        let parts = detail.split(separator: ":", maxSplits: 1).map(String.init)
        let head = parts.first ?? ""
        let value = parts.count > 1 ? parts[1] : nil
        func bad() -> DomainError { .invalidInput(field: "\(type.rawValue) detail", value: detail, reason: "not a known \(type.rawValue) claim") }
        switch (type, head) {
        case (.jkm, ""): self = .jkm
        case (.jkp, ""): self = .jkp
        case (.jp, ""): self = .jp
        case (.jkk, "report"): self = .jkk(.report)
        case (.jkk, "death"): self = .jkk(.death)
        case (.jkk, "treatment"):
            guard let cost = value.flatMap({ Rupiah($0) }) else { throw bad() }
            self = .jkk(.treatment(cost: cost))
        case (.jkk, "stmb"):
            guard let months = value.flatMap({ Int($0) }) else { throw bad() }
            self = .jkk(.stmb(monthsOff: months))
        case (.jkk, "disability"):
            if value == "total" || value == nil {
                self = .jkk(.disability(partialPercent: nil))
            } else {
                guard let rate = value.flatMap({ Rate(percent: $0) }) else { throw bad() }
                self = .jkk(.disability(partialPercent: rate))
            }
        case (.jht, "left_work"): self = .jht(.leftWork)
        case (.jht, "pension_age"): self = .jht(.pensionAge)
        case (.jht, "partial"):
            guard let rate = value.flatMap({ Rate(percent: $0) }) else { throw bad() }
            self = .jht(.partial(percent: rate))
        default: throw bad()
        }
    }
}
