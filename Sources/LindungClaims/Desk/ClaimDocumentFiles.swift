import Crypto
public import Foundation
import LindungCore
public import LindungStorage

/// Where a claim's document files go (docs/claims.md): on SQLite, files beside the database
/// (`<db>.documents/<claim>/<sha256>`, the row keeps the path); on PostgreSQL, the bytes in the row.
public enum ClaimDocumentPlacement: Sendable, Equatable {
    /// Files under this directory, one folder per claim.
    case directory(String)
    /// The bytes in the store (`claim_document.content`).
    case inStore

    /// The placement for a store location as the CLI and `lindung serve` take it (`--db`).
    public static func forStore(location: String) -> ClaimDocumentPlacement {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") || location == ":memory:"
            ? .inStore : .directory(location + ".documents")
    }
}

/// One document to attach: its checklist kind (`ClaimDocumentKind`'s raw value), the name it came with,
/// and its bytes.
public struct ClaimDocumentUpload: Sendable {
    public let kind: String
    public let fileName: String
    public let data: Data

    public init(kind: String, fileName: String, data: Data) {
        self.kind = kind
        self.fileName = fileName
        self.data = data
    }
}

/// Checks (kind, size, magic bytes: PDF, JPEG, PNG, never the name), hashes and places documents. The CLI
/// and the server both come through here.
public enum ClaimDocumentFiles {
    public static func records(_ uploads: [ClaimDocumentUpload], claimID: String, placement: ClaimDocumentPlacement) throws -> [ClaimDocumentRecord] {
        try uploads.map { upload in
            guard ClaimDocumentKind(rawValue: upload.kind) != nil else {
                throw DomainError.invalidInput(
                    field: "document kind", value: upload.kind,
                    reason: "expected one of " + ClaimDocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let type = try ClaimDocumentCheck.contentType(of: Array(upload.data), fileName: upload.fileName)
            let sha = SHA256.hash(data: upload.data).map { String(format: "%02x", $0) }.joined()
            let name = URL(fileURLWithPath: upload.fileName).lastPathComponent
            switch placement {
            case .inStore:
                return ClaimDocumentRecord(
                    kind: upload.kind, fileName: name, contentType: type, size: upload.data.count, sha256: sha, path: nil, content: upload.data)
            case .directory(let root):
                let directory = root + "/" + claimID
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                let path = directory + "/" + sha
                if !FileManager.default.fileExists(atPath: path) { try upload.data.write(to: URL(fileURLWithPath: path)) }
                return ClaimDocumentRecord(
                    kind: upload.kind, fileName: name, contentType: type, size: upload.data.count, sha256: sha, path: path, content: nil)
            }
        }
    }

    /// A stored document's bytes: from its file or from the row.
    public static func contents(of record: ClaimDocumentRecord) -> Data? {
        if let content = record.content { return content }
        return record.path.flatMap { FileManager.default.contents(atPath: $0) }
    }
}
