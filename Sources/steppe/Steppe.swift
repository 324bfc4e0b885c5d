import ArgumentParser
import Foundation
import SteppeCore

@main
struct Steppe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steppe",
        abstract: "An offline terminal reader for archives of Eurasianet articles.",
        discussion: """
            Without a subcommand, opens the reader on your archive at $XDG_DATA_HOME/steppe/archive \
            (~/.local/share/steppe/archive), or on the bundled sample archive when you have none.
            """,
        version: "0.1.0",
        subcommands: [Read.self, List.self, Show.self, Validate.self],
        defaultSubcommand: Read.self
    )
}

/// Options shared by every command that reads an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive to open: a folder with archive.json, or a single .json file.")
    var archive: String?

    /// The archive to open, and how the status bar names it.
    func choose(environment: [String: String] = ProcessInfo.processInfo.environment) -> ArchiveChoice {
        ArchiveChoice.resolve(explicit: archive, environment: environment)
    }

    /// Opens the chosen archive for a command that pipes, or exits with a one-line error.
    func openLibrary() -> Library {
        do {
            return try ArchiveReader.open(choose().path, cache: HeaderCache.standard())
        } catch {
            fail(error.description)
        }
    }
}

/// Prints a one-line error to standard error and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("steppe: \(message)\n".utf8))
    exit(1)
}
