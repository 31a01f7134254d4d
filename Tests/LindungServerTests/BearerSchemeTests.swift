import Testing

@testable import LindungServer

/// RFC 9110 §11.1: the authentication scheme is case-insensitive; the token after the space is not.
@Suite struct BearerSchemeTests {
    @Test(arguments: ["Bearer lnd_x", "bearer lnd_x", "BEARER lnd_x", "bEaReR lnd_x", "Bearer "])
    func acceptedSchemes(header: String) {
        #expect(Authentication.hasBearerScheme(header))
    }

    @Test(arguments: ["Basic YWRtaW4=", "Bearer", "Bearerlnd_x", "Bearer\tlnd_x", "Bearer\0lnd_x", "", "Bear", " Bearer lnd_x", "Beare r"])
    func refusedSchemes(header: String) {
        #expect(!Authentication.hasBearerScheme(header))
    }
}
