import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import KabinetDomain

/// The inline SVG: well-formed XML, accessible, and drawing exactly the dark modules.
@Suite struct QRCodeSVGTests {
    @Test func svgIsWellFormedAndAccessible() throws {
        // given
        let code = try QRCode(encoding: QRReference.sbpLink.text)
        // when
        let svg = code.svg(moduleSize: 5, ariaLabel: "QR-код для оплаты «СБП» & <тест>")
        // then
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "parser error: \(String(describing: parser.parserError))")
        #expect(collector.elements == ["svg", "rect", "path"])
        let root = try #require(collector.attributes["svg"])
        #expect(root["role"] == "img")
        #expect(root["aria-label"] == "QR-код для оплаты «СБП» & <тест>")
        #expect(root["shape-rendering"] == "crispEdges")
        // 41 modules + 2 × 4 quiet zone = 49 units, × 5 px.
        #expect(root["viewBox"] == "0 0 49 49")
        #expect(root["width"] == "245" && root["height"] == "245")
        #expect(svg.components(separatedBy: "<path").count == 2)
    }

    @Test func pathCoversExactlyTheDarkModules() throws {
        // given
        let code = try QRCode(encoding: QRReference.cyrillicPurpose.text)
        // when: rebuild the module grid from the path's runs "M x y h n v1 h-n z"
        let svg = code.svg(ariaLabel: "QR")
        let path = try #require(svg.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
        var drawn = Set<[Int]>()
        for run in path.split(separator: "z") {
            let numbers = run.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5)
            let (x, y, length) = (numbers[0] - 4, numbers[1] - 4, numbers[2])
            for dx in 0..<length { drawn.insert([x + dx, y]) }
        }
        // then
        let dark = (0..<code.size).flatMap { y in (0..<code.size).filter { code[$0, y] }.map { [$0, y] } }
        #expect(drawn == Set(dark))
        #expect(drawn.count == code.modules.joined().filter { $0 }.count)
    }

    @Test func quietZoneIsConfigurable() throws {
        let code = try QRCode(encoding: "Kabinet")
        #expect(code.svg(moduleSize: 1, quietZone: 0, ariaLabel: "x").contains("viewBox=\"0 0 21 21\""))
        #expect(code.svg(moduleSize: 1, quietZone: 0, ariaLabel: "x").contains("d=\"M0 0h7v1h-7z"))
    }
}

/// Records element names and attributes in document order.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [String: [String: String]] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        attributes[elementName] = attributeDict
    }
}
