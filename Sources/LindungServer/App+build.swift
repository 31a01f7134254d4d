public import Hummingbird
public import Logging

/// The composition root the serve command and the tests both call: a router with every route of
/// `ServerRoutes.all`, the error, logging and metrics middleware, and an application around it.
/// `onServerRunning` runs once the socket is bound (the serve command prints its URL then, so whoever reads
/// that line can connect at once).
public func buildApplication(
    environment: ServerEnvironment, host: String = "127.0.0.1", port: Int = 8080, logger: Logger,
    onServerRunning: @escaping @Sendable () async -> Void = {}
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(environment: environment),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "lindung"),
        onServerRunning: { _ in await onServerRunning() },
        logger: logger)
}

/// The router alone, for `app.test(.router)`.
public func buildRouter(environment: ServerEnvironment) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self)
    // Order matters: metrics and logs see every request, the error middleware turns any failure below it
    // (including the router's own 404) into the JSON error shape.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: APIErrorMiddleware())
    for route in ServerRoutes.all {
        let handler = route.handler
        router.on(RouterPath(route.path), method: route.method) { request, context in
            let reader = try await Authentication.reader(for: route, request: request, environment: environment)
            return try await handler(request, context, Call(environment: environment, reader: reader, operationID: route.operationID))
        }
    }
    PageRoutes.register(on: router, environment: environment)
    return router
}
