/// Splits a command line as the driver's `-###` prints it: words separated by spaces, with
/// double quotes and backslash escapes. Nil on anything it does not understand.
package enum ShellWords {
    package static func split(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quoted || escaped { return nil }
        if inWord { words.append(current) }
        return words
    }
}
