import Testing
import Vapor
import VaporTesting

/// The lines of a «Выгрузить в CSV» answer, after checking what every export promises: a CSV attachment, never
/// cached, UTF-8 with a byte order mark.
func csvLines(_ response: TestingHTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    #expect(response.status == .ok, sourceLocation: sourceLocation)
    #expect(response.headers.contentType?.description.hasPrefix("text/csv") == true, sourceLocation: sourceLocation)
    #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true, sourceLocation: sourceLocation)
    #expect(response.headers.first(name: .cacheControl) == "no-store", sourceLocation: sourceLocation)
    let bytes = Array(response.body.readableBytesView)
    #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF], sourceLocation: sourceLocation)
    return String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
}
