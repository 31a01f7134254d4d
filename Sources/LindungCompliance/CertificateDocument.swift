import Foundation
import LindungStorage

/// The certificate as a printable page: Bahasa Indonesia first with English beside it, the employer's data,
/// the status, the dates, the QR code of the verification URL and the token itself (`data-token`).
public enum CertificateDocument {
    public static func html(_ certificate: ComplianceCertificate, token: String, verificationURL: String) throws -> String {
        let qr = try QRCode(text: verificationURL)
        let status: String =
            switch certificate.status {
            case .compliant: "PATUH / Compliant"
            case .nonCompliant: "TIDAK PATUH / Not compliant"
            case .notRegistered: "TIDAK TERDAFTAR / Not registered"
            }
        func row(_ label: String, _ value: String?) -> String {
            "<tr><th>\(escape(label))</th><td>\(escape(value ?? "-"))</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>Sertifikat Kepatuhan BPJS Ketenagakerjaan</title>
            <style>body{font-family:sans-serif;max-width:42em;margin:2em auto}th{text-align:left;padding-right:1em}
            .status{font-size:1.4em;font-weight:bold}.token{font-family:monospace;word-break:break-all;font-size:.75em}</style></head>
            <body data-token="\(token)">
            <h1>Sertifikat Kepatuhan Jaminan Sosial Ketenagakerjaan</h1>
            <p><em>Certificate of employment social security compliance</em></p>
            <p class="status">\(status)</p>
            <table>
            \(row("Nama / Name", certificate.name))
            \(row("NPP", certificate.npp))
            \(row("NIB", certificate.nib))
            \(row("Kode wilayah / Region", certificate.region))
            \(row("Tahap sanksi / Sanction stage", certificate.stage))
            \(row("Tanggal terbit / Issued", certificate.issued))
            \(row("Berlaku sampai / Valid until", certificate.expires))
            \(row("Kunci / Key", certificate.kid))
            </table>
            <p>Pindai kode QR atau buka alamat di bawah untuk memeriksa keaslian sertifikat ini.<br>
            <em>Scan the QR code or open the address below to check that this certificate is genuine.</em></p>
            \(qr.svg(size: 220))
            <p class="token">\(escape(verificationURL))</p>
            <p>Dasar hukum / Legal basis: UU 24/2011; PP 86/2013; Permenaker 4/2018.</p>
            </body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
