// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "recdeck",
    products: [
        .executable(name: "recdeck", targets: ["recdeck"]),
        .library(name: "RecDeckCore", targets: ["RecDeckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "RecDeckCore", dependencies: ["CZlib"]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport"),
        .executableTarget(name: "recdeck-watch-bench", dependencies: ["RecDeckCore", "RecDeckServe", "BenchSupport"], path: "Benchmarks/WatchLatency"),
        .executableTarget(name: "recdeck-ui-bench", dependencies: ["RecDeckCore", "RecDeckUI", "BenchSupport"], path: "Benchmarks/UILatency"),
        .target(name: "RecDeckUI", dependencies: ["RecDeckCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "RecDeckTerminal", dependencies: ["RecDeckUI", "CNcurses"]),
        .target(name: "CSpawn"),
        .target(name: "RecDeckServe", dependencies: [
            "RecDeckCore",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .target(name: "RecDeckFetch", dependencies: ["RecDeckCore", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "recdeck",
            dependencies: [
                "RecDeckCore",
                "RecDeckUI",
                "RecDeckTerminal",
                "RecDeckServe",
                "RecDeckFetch",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "RecDeckTestSupport", dependencies: ["RecDeckCore"], path: "Tests/RecDeckTestSupport"),
        .testTarget(name: "RecDeckCoreTests", dependencies: ["RecDeckCore", "RecDeckTestSupport"]),
        .testTarget(name: "RecDeckUITests", dependencies: ["RecDeckUI", "RecDeckCore", "RecDeckTestSupport"]),
        .testTarget(name: "RecDeckTerminalTests", dependencies: ["RecDeckTerminal", "RecDeckUI"]),
        .testTarget(name: "RecDeckServeTests", dependencies: ["RecDeckServe", "RecDeckCore", "RecDeckTestSupport"]),
        .target(name: "RecDeckFetchTestSupport", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], path: "Tests/RecDeckFetchTestSupport"),
        .testTarget(name: "RecDeckFetchTests", dependencies: ["RecDeckFetch", "RecDeckCore", "RecDeckTestSupport", "RecDeckFetchTestSupport"]),
        .testTarget(name: "recdeckTests", dependencies: ["recdeck", "RecDeckCore", "RecDeckTestSupport", "RecDeckFetchTestSupport", "CSpawn"]),
    ],
    swiftLanguageModes: [.v6]
)
