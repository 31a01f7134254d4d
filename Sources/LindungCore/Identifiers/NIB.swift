/// A validated NIB (Nomor Induk Berusaha), the 13-digit business identification number OSS has issued
/// since 2018.
public struct NIB: Hashable, Sendable {
    public let value: String

    public init(_ text: String) throws(DomainError) {
        func reject(_ reason: String) -> DomainError { .invalidInput(field: "NIB", value: text, reason: reason) }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw reject("must contain digits only") }
        guard text.count == 13 else { throw reject("must have 13 digits, found \(text.count)") }
        guard text.contains(where: { $0 != "0" }) else { throw reject("cannot be all zeros") }
        value = text
    }
}
