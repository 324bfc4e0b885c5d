/// Why a search could not run as typed; worded where it is shown (`Strings.searchProblem`).
public enum SearchProblem: Error, Sendable, Equatable {
    /// A filter name that does not exist ("regoin:").
    case unknownFilter(String)
    /// A filter value that does not exist ("region:atlantis"), with the nearest that does, if one is near.
    case badValue(filter: String, value: String, suggestion: String? = nil)
    /// A filter with a minus before it ("-lang:en"): filters narrow, they do not exclude.
    case excludedFilter(String)
    /// The index cannot be used (a disk error); the reason as the system gave it.
    case indexUnavailable(String)
    /// A newer search stopped this one before it finished.
    case interrupted
}
