import CQREncode
import Foundation

/// A QR code as a square of modules, encoded by Debian's libqrencode (CQREncode), and drawn as SVG.
public struct QRCode: Sendable, Equatable {
    /// The symbol's version (1-40): its width is 17 + 4 × version modules.
    public let version: Int
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row by row; true is a dark module.
    public let modules: [Bool]

    /// Encodes `text` as 8-bit data with error correction level M (15 % of the symbol may be damaged).
    public init(text: String) throws {
        let encoded: UnsafeMutablePointer<QRcode>? = text.withCString { QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }
        guard let encoded else { throw CertificateError.qrCode("libqrencode could not encode \(text.utf8.count) bytes (errno \(errno))") }
        defer { QRcode_free(encoded) }
        let width = Int(encoded.pointee.width)
        let data = UnsafeBufferPointer(start: encoded.pointee.data, count: width * width)
        // libqrencode: bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
        self.version = Int(encoded.pointee.version)
        self.width = width
        self.modules = data.map { $0 & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * width + column] }

    /// An SVG of the code with the standard 4-module quiet zone; one path, one unit per module, scaled by the
    /// viewer (`size` is the rendered width and height in pixels).
    public func svg(size: Int = 200) -> String {
        let quiet = 4
        let side = width + 2 * quiet
        var path = ""
        for row in 0..<width {
            var column = 0
            while column < width {
                guard isDark(row: row, column: column) else { column += 1; continue }
                var run = 1
                while column + run < width, isDark(row: row, column: column + run) { run += 1 }
                path += "M\(column + quiet) \(row + quiet)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(size)" height="\(size)" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
