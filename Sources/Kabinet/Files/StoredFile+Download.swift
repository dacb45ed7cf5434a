import Foundation
import Vapor

extension StoredFile {
    /// The file as a download with its own name (RFC 6266 `filename*` for Cyrillic names such as «Полисные
    /// условия.pdf»); never sniffed as something else, never cached by a shared proxy.
    func download() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: contentType.components(separatedBy: "/").first ?? "application",
                                            subType: contentType.components(separatedBy: "/").last ?? "octet-stream")
        let ascii = filename.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" }
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "._-"))) ?? "file"
        headers.replaceOrAdd(name: .contentDisposition,
                             value: ascii ? "attachment; filename=\"\(filename)\"" : "attachment; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
