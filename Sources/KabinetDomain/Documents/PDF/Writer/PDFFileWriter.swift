import Foundation

/// Collects numbered indirect objects and writes the file: header, bodies, cross-reference
/// table with exact byte offsets, trailer. Objects are written in number order so the same
/// objects always give the same bytes.
struct PDFFileWriter {
    private var bodies: [[UInt8]] = []

    /// Reserves the next object number, so objects can refer to ones written later.
    mutating func reserve() -> Int {
        bodies.append([])
        return bodies.count
    }

    mutating func set(_ number: Int, _ body: String) {
        bodies[number - 1] = Array(body.utf8)
    }

    /// A stream object; Flate-compressed unless that does not make it smaller.
    /// `extra` are additional dictionary entries such as "/Length1 1234".
    mutating func setStream(_ number: Int, _ data: [UInt8], extra: String = "") {
        let compressed = Deflate.zlibCompress(data)
        let useFlate = compressed.count < data.count
        let payload = useFlate ? compressed : data
        var dictionary = "<< /Length \(payload.count)"
        if useFlate { dictionary += " /Filter /FlateDecode" }
        if !extra.isEmpty { dictionary += " " + extra }
        dictionary += " >>\nstream\n"
        var body = Array(dictionary.utf8)
        body.append(contentsOf: payload)
        body.append(contentsOf: Array("\nendstream".utf8))
        bodies[number - 1] = body
    }

    /// The complete PDF; `root` is the Catalog, `info` the document information dictionary.
    func serialize(root: Int, info: Int) -> Data {
        var out: [UInt8] = Array("%PDF-1.7\n".utf8)
        out.append(contentsOf: [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]) // binary marker for transfer tools
        var offsets: [Int] = []
        for (index, body) in bodies.enumerated() {
            offsets.append(out.count)
            out.append(contentsOf: Array("\(index + 1) 0 obj\n".utf8))
            out.append(contentsOf: body)
            out.append(contentsOf: Array("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(bodies.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(bodies.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\n"
        table += "startxref\n\(xref)\n%%EOF\n"
        out.append(contentsOf: Array(table.utf8))
        return Data(out)
    }
}
