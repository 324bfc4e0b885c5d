/// Why the reader's store cannot be read or written: a value, put into words (in the interface
/// language) only where it is shown.
public enum StoreProblem: Sendable, Equatable, Hashable {
    /// The file's own check failed: nothing is written, what can be read is shown.
    case damaged
    case newerVersion
    case notAFile
    /// A symbolic link to a file that does not exist.
    case linkToNothing
    case folderNotWritable
    /// SQLite's own words: locked, disk full, not a database…
    case sqlite(String)
}

extension Strings {
    public func storeProblem(_ problem: StoreProblem) -> String {
        switch problem {
        case .damaged: pick("damaged", "файл повреждён")
        case .newerVersion: pick("made by a newer version of steppe", "создан более новой версией steppe")
        case .notAFile: pick("not a regular file", "это не обычный файл")
        case .linkToNothing: pick("a link to nothing", "ссылка в никуда")
        case .folderNotWritable: pick("its folder cannot be written to", "в его папку нельзя писать")
        case .sqlite(let message): message
        }
    }
}
