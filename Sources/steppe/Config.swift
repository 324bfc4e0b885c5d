import ArgumentParser
import Foundation
import SteppeConfig
import SteppeCore

/// `steppe config --default` and `steppe config --check`.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutConfig)

    @Flag(name: .customLong("default"), help: ArgumentHelp(strings.helpConfigDefault))
    var printDefault = false

    @Flag(name: .long, help: ArgumentHelp(strings.helpConfigCheck))
    var check = false

    @Option(name: .long, help: ArgumentHelp(strings.helpConfigFile, valueName: "path"), completion: .file(extensions: ["toml"]))
    var file: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if printDefault == check { throw ValidationError(strings.configNeedsAction) }
    }

    func run() throws {
        if printDefault {
            Output.print(Configuration.defaultText())
            return
        }
        let url = file.map { URL(fileURLWithPath: $0) } ?? Configuration.file()
        let name = ArchiveChoice.abbreviate(url.path, home: ProcessInfo.processInfo.environment["HOME"])
        guard FileManager.default.fileExists(atPath: url.path) else {
            Output.print(VisibleText.escape(strings.configMissing(name)) + "\n")
            return
        }
        let (_, problems) = Configuration.load(url, shownAs: name)
        if problems.isEmpty {
            Output.print(VisibleText.escape(strings.configIsValid(name)) + "\n")
            return
        }
        Output.printError(problems.map { VisibleText.escape(strings.configProblem($0)) + "\n" }.joined())
        throw ExitCode(1)
    }
}

/// The reader's configuration, read once: the file's mistakes are shown when the reader starts.
let userConfiguration: (configuration: Configuration, problems: [ConfigProblem]) = {
    let url = Configuration.file(XDGDirectories(environment: ProcessInfo.processInfo.environment))
    return Configuration.load(url, shownAs: ArchiveChoice.abbreviate(url.path, home: ProcessInfo.processInfo.environment["HOME"]))
}()
