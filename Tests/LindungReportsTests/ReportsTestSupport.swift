import Foundation
import Testing

/// Counts of a substring, for checking generated SVG and HTML.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// The path of a system binary, nil when it is not installed (tests that need it skip with a reason).
func systemBinary(_ name: String) -> String? {
    for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
    }
    return nil
}
