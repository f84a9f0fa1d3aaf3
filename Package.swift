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
        .testTarget(name: "RecDeckCoreTests", dependencies: ["RecDeckCore"]),
        .testTarget(name: "recdeckTests", dependencies: ["RecDeckCore"]),
    ],
    swiftLanguageModes: [.v6]
)
