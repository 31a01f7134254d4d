// swift-tools-version: 6.1
import PackageDescription

/// Strict settings on every target (see docs/architecture.md): no implicit existentials, imports visible
/// only where they are written, and internal imports unless a public API needs the imported types.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Lindung",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lindung", targets: ["lindung"]),
        .library(name: "LindungCore", targets: ["LindungCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The regulation core: pure domain code over Foundation value types. Its only I/O is reading
        // the rule and reference tables bundled as resources (or an operator's --rules directory).
        .target(
            name: "LindungCore",
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // The registry's storage interface: intent-level methods, records and errors; no driver.
        .target(
            name: "LindungStorage",
            dependencies: ["LindungCore"],
            swiftSettings: strictSettings
        ),
        // The embedded default backend: SQLite through GRDB (WAL), raw statements on bulk paths.
        .target(
            name: "LindungStorageSQLite",
            dependencies: [
                "LindungCore", "LindungStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The production backend: PostgreSQL through PostgresNIO, batched with unnest arrays.
        .target(
            name: "LindungStoragePostgres",
            dependencies: [
                "LindungCore", "LindungStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Reading spreadsheets (CSV, XLSX) as streams of rows, and validating registry imports.
        .target(
            name: "LindungImport",
            dependencies: [
                "LindungCore", "LindungStorage",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        // Writing spreadsheets (CSV, XLSX with one sheet per table) for bills and reports.
        .target(
            name: "LindungExport",
            dependencies: ["LindungCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        // The deterministic demo province generator.
        .target(
            name: "LindungDemo",
            dependencies: ["LindungCore", "LindungStorage"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Debian's libqrencode (libqrencode-dev) for the QR code on compliance certificates.
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Coverage and the quarterly report: SVG charts, the choropleth map, HTML/XLSX/CSV/PDF documents.
        .target(
            name: "LindungReports",
            dependencies: [
                "LindungCore", "LindungStorage", "LindungExport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Employer compliance: signed certificates (Ed25519), their QR codes, keys kept outside the database.
        .target(
            name: "LindungCompliance",
            dependencies: [
                "LindungCore", "LindungStorage", "CQREncode",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The web server and JSON API (Hummingbird 2) over the store protocol; never a concrete backend.
        .target(
            name: "LindungServer",
            dependencies: [
                "LindungCore", "LindungStorage", "LindungExport", "LindungReports", "LindungCompliance", "LindungImport", "LindungClaims",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Subcommands of the `lindung` tool, kept in a library so tests can parse and run them.
        .target(
            name: "LindungCLI",
            dependencies: [
                "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungStoragePostgres", "LindungImport", "LindungExport",
                "LindungDemo", "LindungServer", "LindungReports", "LindungCompliance", "LindungClaims",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Benefits and claims (issue 8): the JHT ledger arithmetic, eligibility, amounts and the maker-checker workflow.
        // Its Desk/ folder is the one service the CLI and the server both call (store reads and writes, document files).
        .target(
            name: "LindungClaims",
            dependencies: ["LindungCore", "LindungStorage", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "LindungClaimsTests", dependencies: ["LindungClaims", "LindungCore"], swiftSettings: strictSettings),
        .executableTarget(
            name: "lindung",
            dependencies: ["LindungCLI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungCoreTests",
            dependencies: ["LindungCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungStorageTests",
            dependencies: [
                "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungStoragePostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // The SQLite fast-read tests checkpoint the WAL through the store's own GRDB writer.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungImportTests",
            dependencies: ["LindungCore", "LindungStorage", "LindungImport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungExportTests",
            dependencies: ["LindungCore", "LindungExport", "LindungImport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungDemoTests",
            dependencies: [
                "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungDemo",
                // Raw reads for the coverage test's independent count.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungCLITests",
            dependencies: [
                "LindungCLI", "lindung", "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungImport", "LindungServer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungReportsTests",
            dependencies: [
                "LindungReports", "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungExport", "LindungImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungComplianceTests",
            dependencies: [
                "LindungCompliance", "LindungCore", "LindungStorage", "LindungStorageSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LindungServerTests",
            dependencies: [
                "LindungServer", "LindungCore", "LindungStorage", "LindungStorageSQLite", "LindungCompliance", "LindungClaims",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
