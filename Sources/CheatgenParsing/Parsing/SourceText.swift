import Foundation
import CheatgenModel

/// A content file's bytes made into text we can trust: UTF-8 checked, BOM dropped,
/// CRLF and CR line endings made `\n`, NUL bytes refused — each problem at its line and column.
enum SourceText {
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(.error(.invalidEncoding, "file contains a NUL byte; sheets are UTF-8 text", at: location(ofByte: nul, in: bytes, path: path)))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            return .failure(.error(.invalidEncoding, "file is not valid UTF-8", at: location(ofByte: offset, in: bytes, path: path)))
        }
        return .success(normalizingLineEndings(text))
    }

    /// CRLF and lone CR become LF. Swift treats "\r\n" as one Character, so work on scalars.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var normalized = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                normalized.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            normalized.append(scalar)
        }
        return String(normalized)
    }

    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        // LF, CRLF and lone CR each end a line, as in `normalizingLineEndings`.
        for index in 0..<offset {
            let byte = bytes[index]
            let endsLine = byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            if endsLine {
                line += 1
                lineStart = index + 1
            }
        }
        // Columns count characters, as editors do; count the UTF-8 lead bytes before the offset.
        let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let slice = Array(bytes[index..<index + length])
            if String(validating: slice, as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }
}
