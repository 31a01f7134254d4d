public import Hummingbird
// NIOCore (a declared dependency, also Hummingbird's) for the peer's `SocketAddress`.
import NIOCore

/// Hummingbird's basic context plus the peer's address, which login throttling counts per address.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address; nil in router tests (no socket) and for Unix sockets.
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
