import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs Foundation's streaming `XMLParser` over a small package part (workbook, relationships, styles)
/// and calls `onStart` for every element with its attributes and the names of its ancestors. No DOM.
final class XMLElementVisitor: NSObject, XMLParserDelegate {
    typealias Visit = (_ name: String, _ attributes: [String: String], _ ancestors: [String]) -> Void

    private let onStart: Visit
    private var stack: [String] = []
    private var failure: (any Error)?

    private init(onStart: @escaping Visit) {
        self.onStart = onStart
    }

    /// Visits the elements of `data`; throws when the XML is malformed, naming `part`.
    static func visit(_ data: Data, part: String, onStart: @escaping Visit) throws(ImportFileError) {
        let visitor = XMLElementVisitor(onStart: onStart)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = visitor
        let parsed = parser.parse()
        if let failure = visitor.failure ?? parser.parserError, !parsed || visitor.failure != nil {
            throw .damagedXLSX("\(part) is not well-formed XML (\(failure.localizedDescription))")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        onStart(elementName, attributes, stack)
        stack.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if !stack.isEmpty { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = parseError }
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of an attribute whatever its namespace prefix ("r:id" and "id" both answer "id").
    func attribute(_ localName: String) -> String? {
        if let value = self[localName] { return value }
        return first { $0.key.hasSuffix(":" + localName) }?.value
    }
}
