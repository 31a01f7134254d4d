public import Foundation
import NIOCore

/// Uploaded import files between the preview and the confirmation (`POST /imports`, then
/// `POST /imports/{id}/confirm`): written to a private temporary directory under a random id, bound to the
/// account that uploaded them, and gone after `lifetime` (or once confirmed). Kept in memory by id, like the
/// sessions: a restart forgets them, and the file is uploaded again.
public actor ImportUploads {
    struct Upload: Sendable {
        let id: String
        /// `Account.logName` of the uploader: nobody else may confirm it.
        let owner: String
        let kind: ImportKind
        let employerNPP: String?
        let path: String
        let expires: Date
    }

    public let lifetime: TimeInterval
    private let directory: URL
    private var uploads: [String: Upload] = [:]

    /// `directory` defaults to a new folder under the system's temporary directory.
    public init(directory: URL? = nil, lifetime: TimeInterval = 3600) {
        self.directory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("lindung-imports-\(TokenHash.randomText().prefix(16))")
        self.lifetime = lifetime
    }

    /// Writes the bytes to a new file (owner-only permissions) and remembers it.
    func keep(_ bytes: ByteBuffer, owner: String, kind: ImportKind, employerNPP: String?, now: Date) throws -> Upload {
        prune(now: now)
        let id = String(TokenHash.randomText().filter { $0.isLetter || $0.isNumber }.prefix(24))
        let upload = Upload(id: id, owner: owner, kind: kind, employerNPP: employerNPP, path: try write(bytes, name: id), expires: now + lifetime)
        uploads[id] = upload
        return upload
    }

    /// A file for one request only (the API's imports); the caller removes it.
    func scratch(_ bytes: ByteBuffer) throws -> String {
        try write(bytes, name: "api-" + String(TokenHash.randomText().filter { $0.isLetter || $0.isNumber }.prefix(24)))
    }

    /// The upload, if it exists, has not expired and belongs to `owner`.
    func upload(id: String, owner: String, now: Date) -> Upload? {
        guard let upload = uploads[id] else { return nil }
        guard upload.expires > now else {
            discard(id: id)
            return nil
        }
        return upload.owner == owner ? upload : nil
    }

    func discard(id: String) {
        if let upload = uploads.removeValue(forKey: id) { try? FileManager.default.removeItem(atPath: upload.path) }
    }

    private func prune(now: Date) {
        for (id, upload) in uploads where upload.expires <= now { discard(id: id) }
    }

    private func write(_ bytes: ByteBuffer, name: String) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // The readers tell CSV from XLSX by content; the suffix only words their errors.
        let isZip = bytes.readableBytesView.starts(with: [0x50, 0x4B])
        let path = directory.appendingPathComponent(name + (isZip ? ".xlsx" : ".csv")).path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes.readableBytesView), attributes: [.posixPermissions: 0o600]) else {
            throw APIError(.internal, "cannot keep the uploaded file")
        }
        return path
    }
}
