import Foundation

/// Why a table cannot be exported, worded for the person who asked for the file.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension ExportError {
    /// A file-system or ZIP failure while writing `path`.
    static func cannotWrite(_ path: String, _ error: any Error) -> ExportError {
        ExportError(reason: "cannot write '\(path)': \(error.localizedDescription)")
    }
}
