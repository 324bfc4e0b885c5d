// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Steppe",
    products: [
        .executable(name: "steppe", targets: ["steppe"]),
        .executable(name: "steppe-bench", targets: ["steppe-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Models, archive reading, taxonomy and display-width text layout. Foundation only.
        .target(name: "SteppeCore"),
        // State, actions, effects, key map and the pure reducer. No terminal code.
        .target(name: "SteppeViewModel", dependencies: ["SteppeCore"]),
        // Cell grid, themes and the views that draw a state into a grid.
        .target(name: "SteppeRendering", dependencies: ["SteppeCore", "SteppeViewModel"]),
        // config.toml: settings and key bindings, each mistake reported with its line and key.
        .target(
            name: "SteppeConfig",
            dependencies: ["SteppeCore", "SteppeViewModel", "SteppeRendering", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The reader's own data (bookmarks, notes, reading marks) in SQLite.
        .target(name: "SteppeStore", dependencies: ["SteppeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // libxml2's HTML parser and streaming XML reader (Debian's libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Turns saved pages, HTML, RSS/Atom feeds and JSON into archive articles, offline.
        .target(name: "SteppeImport", dependencies: ["SteppeCore", "CLibXML2"]),
        // The full-text index of an archive (SQLite FTS5), its query language and its word folding.
        .target(name: "SteppeSearch", dependencies: ["SteppeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The main loop, the effect runner and its clients, the terminal backend protocol and an
        // in-memory terminal. No ncurses.
        .target(
            name: "SteppeRuntime", dependencies: ["SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeStore", "SteppeSearch"]),
        // The ncursesw C API, with the wide-character functions switched on.
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Async-signal-safe terminal restore; written in C because signal handlers must be.
        .target(name: "CTerminalGuard"),
        // The only code that talks to ncurses.
        .target(
            name: "SteppeTerminal",
            dependencies: ["SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeRuntime", "CNCursesW", "CTerminalGuard"]
        ),
        // Bundled themes (the top-level Themes/ folder) and the sample archive.
        // The target's root is the package root so that Themes/ can stay at the top level.
        .target(
            name: "SteppeResources",
            path: ".",
            exclude: [
                "README.md", "Tests",
                "Sources/SteppeCore", "Sources/SteppeViewModel", "Sources/SteppeRendering",
                "Sources/CNCursesW", "Sources/CTerminalGuard", "Sources/CLibXML2", "Sources/SteppeImport", "Sources/SteppeSearch", "Sources/SteppeTerminal", "Sources/SteppeRuntime", "Sources/SteppeStore",
                "Sources/steppe", "Sources/steppe-bench", ".ci",
            ],
            sources: ["Sources/SteppeResources/ResourceLocator.swift"],
            resources: [
                .copy("Themes"),
                .copy("Sources/SteppeResources/Sample"),
                .copy("Sources/SteppeResources/Schema"),
            ],
            publicHeadersPath: "Sources/SteppeResources"
        ),
        .executableTarget(
            name: "steppe",
            dependencies: [
                "SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeRuntime", "SteppeTerminal",
                "SteppeResources", "SteppeStore", "SteppeImport", "SteppeSearch", "SteppeConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "steppe-bench",
            dependencies: [
                "SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeResources", "SteppeStore", "SteppeImport", "SteppeSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SteppeCoreTests", dependencies: ["SteppeCore", "SteppeResources"]),
        // Fixtures shared by the view-model and rendering tests.
        .target(name: "SteppeTestSupport", dependencies: ["SteppeCore", "SteppeViewModel"], path: "Tests/SteppeTestSupport"),
        .testTarget(name: "SteppeViewModelTests", dependencies: ["SteppeCore", "SteppeViewModel", "SteppeTestSupport"]),
        .testTarget(
            name: "SteppeRenderingTests",
            dependencies: ["SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeResources", "SteppeTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SteppeRuntimeTests",
            dependencies: ["SteppeRuntime", "SteppeCore", "SteppeViewModel", "SteppeRendering", "SteppeStore", "SteppeTestSupport"]),
        .testTarget(name: "SteppeImportTests", dependencies: ["SteppeImport", "SteppeCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SteppeConfigTests", dependencies: ["SteppeConfig", "SteppeCore", "SteppeViewModel", "SteppeTestSupport"]),
        .testTarget(name: "SteppeSearchTests", dependencies: ["SteppeSearch", "SteppeCore"]),
        .testTarget(name: "SteppeStoreTests", dependencies: ["SteppeStore", "SteppeCore"]),
        .testTarget(name: "SteppeEndToEndTests", dependencies: ["steppe"]),
    ],
    swiftLanguageModes: [.v6]
)
