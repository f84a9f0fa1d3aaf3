// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "recdeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recdeck", targets: ["recdeck"]),
        .library(name: "RecDeckCore", targets: ["RecDeckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "RecDeckCore"),
        .executableTarget(
            name: "recdeck",
            dependencies: [
                "RecDeckCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "RecDeckTestSupport", dependencies: ["RecDeckCore"], path: "Tests/RecDeckTestSupport"),
        .testTarget(name: "RecDeckCoreTests", dependencies: ["RecDeckCore", "RecDeckTestSupport"]),
        .testTarget(name: "recdeckTests", dependencies: ["recdeck", "RecDeckCore", "RecDeckTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
