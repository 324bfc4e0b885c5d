import ArgumentParser
import Foundation
import SteppeConfig
import SteppeCore

/// The interface language, settled before parsing so that help and parse errors use it too:
/// `--lang` wins, then config.toml's `language`, then the environment. An unknown `--lang` falls back
/// here and is refused by `LanguageOption.validate()`.
let strings: Strings = {
    let environment = ProcessInfo.processInfo.environment
    if let code = Language.requested(in: CommandLine.arguments), let language = Language(code: code) {
        return Strings(language)
    }
    if let language = userConfiguration.configuration.language { return Strings(language) }
    return Strings(Language.detect(environment: environment))
}()

@main
struct Steppe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steppe",
        abstract: strings.aboutSteppe,
        discussion: strings.aboutSteppeDiscussion,
        version: "0.1.0",
        subcommands: [
            Read.self, List.self, Show.self, Search.self, Validate.self, Bookmarks.self, Notes.self, Import.self, Config.self, Themes.self,
        ],
        defaultSubcommand: Read.self
    )

    /// So that `steppe --lang ru list` works as well as `steppe list --lang ru`.
    @OptionGroup var language: LanguageOption

    /// The parser's own messages quote what was typed (an unknown option, a bad value), which may hold
    /// escape sequences: they go out through the same escaping as every other message.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let shown = message.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { VisibleText.escape(String($0)) }.joined(separator: "\n") + "\n"
                if code == .success { Output.print(shown) } else { Output.printError(shown) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}

/// `--lang`, accepted by every command.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(strings.helpLang, valueName: "code"), completion: Completions.languages)
    var lang: String?

    func validate() throws {
        if let lang, Language(code: lang) == nil { throw ValidationError(VisibleText.escape(strings.unknownLanguage(lang))) }
    }
}

/// Options shared by every command that reads an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(strings.helpArchive), completion: .directory)
    var archive: String?

    @Flag(name: .long, help: ArgumentHelp(strings.helpSample))
    var sample = false

    @OptionGroup var language: LanguageOption

    /// The archive to open, and how the status bar names it. One named in config.toml that cannot
    /// be opened is a mistake of that file: the standard archive is chosen instead, and the mistake
    /// comes back to be shown.
    func choose(_ directories: XDGDirectories = XDGDirectories()) -> ArchiveChoice {
        chooseReporting(directories).choice
    }

    func chooseReporting(_ directories: XDGDirectories = XDGDirectories()) -> (choice: ArchiveChoice, problem: ConfigProblem?) {
        if archive == nil, !sample, let configured = configuredArchive {
            do throws(ArchiveError) {
                _ = try ArchiveReader.prepare(configured)
                return (ArchiveChoice.resolve(explicit: configured, directories: directories), nil)
            } catch {
                let problem = userConfiguration.configuration.unopenableArchive(
                    strings.archiveError(error), file: Config.shown(Configuration.file(directories)))
                return (ArchiveChoice.resolve(explicit: nil, directories: directories), problem)
            }
        }
        return (ArchiveChoice.resolve(explicit: archive, sample: sample, directories: directories), nil)
    }

    func validate() throws {
        if sample, archive != nil { throw ValidationError(strings.sampleOrArchive) }
    }

    /// config.toml's `archive`, with a leading `~/` for the home folder.
    private var configuredArchive: String? {
        userConfiguration.configuration.archivePath(home: ProcessInfo.processInfo.environment["HOME"])
    }

    /// Opens the chosen archive for a command that pipes, or exits with a one-line error; a mistake
    /// in config.toml's `archive` is said on standard error first.
    func openLibrary() -> Library {
        let (choice, problem) = chooseReporting()
        if let problem { Output.printError("steppe: " + VisibleText.escape(strings.configProblem(problem)) + "\n") }
        do {
            return try ArchiveReader.open(choice.path, cache: HeaderCache.standard())
        } catch {
            fail(strings.archiveError(error))
        }
    }
}

/// Prints a one-line error to standard error and exits with status 1. Messages carry file names and
/// archive text, so they are printed with every control character made visible.
func fail(_ message: String) -> Never {
    Output.printError("steppe: \(VisibleText.escape(message))\n")
    exit(1)
}
