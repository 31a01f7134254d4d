/// `GET /health`: the server is up and the store answers (its applied migrations, a cheap read even on a
/// province-sized registry, where counting rows would not be).
struct HealthDTO: Encodable, Sendable {
    let status: String
    let store: String
    let migrations: [String]
}
