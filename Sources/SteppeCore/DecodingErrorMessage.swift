import Foundation

/// Turns a `DecodingError` into a short, human message that names the field.
public enum DecodingErrorMessage {
    /// `dropping` leaves out that many leading coding-path components, for paths relative to an entry.
    public static func describe(_ error: any Error, dropping: Int = 0) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ keys: [any CodingKey]) -> String { Self.path(Array(keys.dropFirst(dropping))) }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "'\(path(context.codingPath))' should be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "'\(path(context.codingPath))' is null, expected \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return context.debugDescription }
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// Whether the error is a JSON syntax error rather than a schema error.
    public static func isSyntaxError(_ error: any Error) -> Bool {
        if case .dataCorrupted(let context) = error as? DecodingError, context.codingPath.isEmpty {
            return context.debugDescription.contains("not valid JSON")
        }
        return false
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var result = ""
        for key in keys {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "(top level)" : result
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        if name.hasPrefix("Dictionary") || name.hasSuffix("Container") { return "an object" }
        switch name {
        case "String": return "a string"
        case "Int", "Int64", "Int32", "Double", "UInt32", "UInt64": return "a number"
        case "Bool": return "true or false"
        default: return "an object"
        }
    }
}
