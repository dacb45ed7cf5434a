import FluentKit

extension QueryBuilder {
    /// The sorted query's results `size` at a time, by offset: for the exports of lists that stay small enough for
    /// an offset to be cheap (a client base, the applications queue, the users). The long walks (contracts, reports,
    /// the audit trail) go by keyset instead (`KeysetWalk`).
    func forEachChunk(of size: Int, _ body: ([Model]) async throws -> Void) async throws {
        var offset = 0
        while true {
            let chunk = try await copy().range(offset..<(offset + size)).all()
            if !chunk.isEmpty { try await body(chunk) }
            guard chunk.count == size else { return }
            offset += size
        }
    }
}
