/// Why a certificate could not be made or was not accepted.
public enum CertificateError: Error, Equatable, Sendable, CustomStringConvertible {
    case qrCode(String)
    case keys(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .qrCode(let reason): "QR code: \(reason)"
        case .keys(let reason): "signing keys: \(reason)"
        case .malformed(let reason): "not a Lindung certificate token: \(reason)"
        }
    }
}
