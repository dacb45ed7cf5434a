import Foundation
import Testing
import Vapor

@testable import Kabinet

/// Date placeholders and file sizes come from the localisation table, so the English pages show no Russian.
@Suite("Language: date placeholders and file sizes follow it")
struct LocalisedUnitsTests {
    @Test("Forms say ДД.ММ.ГГГГ in Russian and DD.MM.YYYY in English; the library says КБ or KB, never alone on a line")
    func pagesFollowTheLanguage() async throws {
        try await withKabinet { app in
            // given an agent with a saved quote, in Russian
            let browser = Browser(app)
            try await browser.login("agent")
            let quote = try await ContractExample.quote(browser)
            let pages = ["/products/product-1", "/contracts/new?quote=\(quote)", "/clients/new"]
            for path in pages {
                #expect(try await browser.get(path).text.contains("placeholder=\"ДД.ММ.ГГГГ\""), "\(path)")
            }
            #expect(try await browser.get("/documents").text.contains("\u{00A0}КБ</span>"))

            // when the agent switches to English
            try await browser.post("/language", [("locale", "en"), ("back", "/")])

            // then
            for path in pages {
                let page = try await browser.get(path)
                #expect(page.status == .ok && page.text.contains("placeholder=\"DD.MM.YYYY\""), "\(path)")
                #expect(!page.text.contains("ДД.ММ.ГГГГ"), "\(path)")
            }
            let library = try await browser.get("/documents")
            #expect(library.text.contains("\u{00A0}KB</span>") && !library.text.contains("КБ"))
        }
    }

    @Test("Sizes round up to whole kilobytes and to tenths of a megabyte, with the language's decimal mark")
    func sizes() async throws {
        try await withKabinet(demo: false) { app in
            let russian = Request(application: app, on: app.eventLoopGroup.next())
            let english = Request(application: app, on: app.eventLoopGroup.next())
            english.cookies[Request.localeCookie] = HTTPCookies.Value(string: "en")
            #expect(LibraryAccess.size(10, req: russian) == "1\u{00A0}КБ")
            #expect(LibraryAccess.size(250_000, req: russian) == "245\u{00A0}КБ")
            #expect(LibraryAccess.size(1_258_291, req: russian) == "1,2\u{00A0}МБ")
            #expect(LibraryAccess.size(1_258_291, req: english) == "1.2\u{00A0}MB")
            #expect(LibraryAccess.size(250_000, req: english) == "245\u{00A0}KB")
        }
    }
}
