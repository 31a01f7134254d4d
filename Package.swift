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
    ],
    targets: [
        // The regulation core: pure domain code over Foundation value types. Its only I/O is reading
        // the rule and reference tables bundled as resources (or an operator's --rules directory).
        .target(
            name: "LindungCore",
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Subcommands of the `lindung` tool, kept in a library so tests can parse and run them.
        .target(
            name: "LindungCLI",
            dependencies: [
                "LindungCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
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
            name: "LindungCLITests",
            dependencies: ["LindungCLI", "lindung"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
