import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads xl/sharedStrings.xml into the table that `t="s"` cells index. Each `<si>` is the text of its
/// `<t>`, or of all its rich-text runs `<r><t>` joined; phonetic hints (`<rPh>`) are left out.
///
/// The table must be held in memory (cells refer to it in any order); it is streamed from a file, not
/// parsed as a DOM.
final class XLSXSharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0
    private var failure: (any Error)?

    static func load(from url: URL, part: String) throws(ImportFileError) -> [String] {
        let table = XLSXSharedStrings()
        guard let parser = XMLParser(contentsOf: url) else { throw .damagedXLSX("\(part) cannot be read") }
        parser.shouldProcessNamespaces = true
        parser.delegate = table
        let parsed = parser.parse()
        if let failure = table.failure ?? (parsed ? nil : parser.parserError) {
            throw .damagedXLSX("\(part) is not well-formed XML (\(failure.localizedDescription))")
        }
        return table.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = parseError }
    }
}
