/// Finds where a JSON text first breaks the grammar.
///
/// Foundation's decoders say only that data "was not valid JSON"; a reader who must fix the file
/// needs the line and column. This checker runs only after a decode has failed.
public enum JSONSyntaxLocator {
    public struct Location: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    /// The first syntax error in `bytes`, or nil when the text is well-formed JSON.
    public static func locate<C: Collection>(in bytes: C) -> Location? where C.Element == UInt8 {
        var checker = Checker(bytes: Array(bytes))
        return checker.run()
    }

    private struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private struct Checker {
        let bytes: [UInt8]
        var i = 0

        mutating func run() -> Location? {
            do {
                try checkEncoding()
                skipSpace()
                try value(depth: 0)
                skipSpace()
                if i < bytes.count { throw Failure(offset: i, reason: "unexpected \(describe(i)) after the value") }
                try checkSurrogates()
                return nil
            } catch let failure as Failure {
                return location(of: failure)
            } catch {
                return nil
            }
        }

        /// Foundation refuses invalid UTF-8 without saying where: find the first bad byte.
        func checkEncoding() throws {
            var index = 0
            while index < bytes.count {
                let b = bytes[index]
                let length: Int
                switch b {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: throw Failure(offset: index, reason: "invalid UTF-8 (byte \(hex(b)))")
                }
                guard index + length <= bytes.count else {
                    throw Failure(offset: index, reason: "invalid UTF-8 (a sequence cut short at the end)")
                }
                for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 {
                    throw Failure(offset: index, reason: "invalid UTF-8 (byte \(hex(b)) not followed by its continuation)")
                }
                if length == 3 {
                    let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    if scalar < 0x800 || (0xD800...0xDFFF).contains(scalar) {
                        throw Failure(offset: index, reason: "invalid UTF-8 (an encoded surrogate or an overlong form)")
                    }
                }
                index += length
            }
        }

        /// `\uD800` without its pair is well-formed JSON that no decoder can turn into text.
        func checkSurrogates() throws {
            var index = 0
            var inString = false
            func code(at start: Int) -> UInt32? {
                guard start + 6 <= bytes.count, bytes[start] == 0x5C, bytes[start + 1] == 0x75 else { return nil }
                return UInt32(String(decoding: bytes[(start + 2)..<(start + 6)], as: UTF8.self), radix: 16)
            }
            while index < bytes.count {
                let b = bytes[index]
                if !inString {
                    if b == 0x22 { inString = true }
                    index += 1
                    continue
                }
                if b == 0x22 { inString = false; index += 1; continue }
                guard b == 0x5C else { index += 1; continue }
                guard let value = code(at: index) else { index += 2; continue }
                if (0xDC00...0xDFFF).contains(value) {
                    throw Failure(offset: index, reason: "lone surrogate \\u\(String(value, radix: 16, uppercase: true))")
                }
                if (0xD800...0xDBFF).contains(value) {
                    guard let low = code(at: index + 6), (0xDC00...0xDFFF).contains(low) else {
                        throw Failure(offset: index, reason: "lone surrogate \\u\(String(value, radix: 16, uppercase: true))")
                    }
                    index += 12
                    continue
                }
                index += 6
            }
        }

        func hex(_ b: UInt8) -> String { "0x" + String(b, radix: 16, uppercase: true) }

        func location(of failure: Failure) -> Location {
            var line = 1
            var column = 1
            var index = 0
            while index < failure.offset && index < bytes.count {
                let b = bytes[index]
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return Location(line: line, column: column, reason: failure.reason)
        }

        func describe(_ offset: Int) -> String {
            guard offset < bytes.count else { return "end of file" }
            let b = bytes[offset]
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x\(String(b, radix: 16))"
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func value(depth: Int) throws {
            guard depth < 512 else { throw Failure(offset: i, reason: "nesting is too deep") }
            guard i < bytes.count else { throw Failure(offset: i, reason: "unexpected end of file, expected a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw Failure(offset: i, reason: "unexpected \(describe(i)), expected a value")
            }
        }

        mutating func object(depth: Int) throws {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw Failure(offset: i, reason: "unexpected \(describe(i)), expected a field name in quotes")
                }
                try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw Failure(offset: i, reason: "unexpected \(describe(i)), expected ':'")
                }
                i += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw Failure(offset: i, reason: "unexpected end of file, expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return
                }
                throw Failure(offset: i, reason: "unexpected \(describe(i)), expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            while true {
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw Failure(offset: i, reason: "unexpected end of file, expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return
                }
                throw Failure(offset: i, reason: "unexpected \(describe(i)), expected ',' or ']'")
            }
        }

        mutating func string() throws {
            let start = i
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return
                }
                if b == UInt8(ascii: "\\") {
                    guard i + 1 < bytes.count else { break }
                    let e = bytes[i + 1]
                    if e == UInt8(ascii: "u") {
                        for k in 2...5 {
                            guard i + k < bytes.count, isHex(bytes[i + k]) else {
                                throw Failure(offset: i, reason: "bad \\u escape in a string")
                            }
                        }
                        i += 6
                        continue
                    }
                    guard "\"\\/bfnrt".utf8.contains(e) else {
                        throw Failure(offset: i, reason: "bad escape '\\\(Character(Unicode.Scalar(e)))' in a string")
                    }
                    i += 2
                    continue
                }
                if b < 0x20 { throw Failure(offset: i, reason: "control character inside a string") }
                i += 1
            }
            throw Failure(offset: start, reason: "string is not closed")
        }

        func isHex(_ b: UInt8) -> Bool {
            (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard i < bytes.count, bytes[i] == expected else {
                    throw Failure(offset: i, reason: "unexpected \(describe(i)) in '\(word)'")
                }
                i += 1
            }
        }

        mutating func number() throws {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits(_ i: inout Int) -> Int {
                let s = i
                while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
                return i - s
            }
            guard digits(&i) > 0 else { throw Failure(offset: start, reason: "malformed number") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits(&i) > 0 else { throw Failure(offset: i, reason: "malformed number") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits(&i) > 0 else { throw Failure(offset: i, reason: "malformed number") }
            }
        }
    }
}
