import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// Sorting by each column, pages, and the CSV export of the filtered list.
@Suite("Contract list order, pages and export")
struct ContractListOrderTests {
    typealias F = ContractListFixture

    @Test("Each column sorts both ways; the date of issue breaks ties; newest first by default")
    func sorting() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let client = try await APIClient.signedIn(app, as: "operator")
            let expected: [(String, [Int])] = [
                ("", [1, 5, 2, 7, 3, 8, 4, 6]),
                ("sort=issued&dir=asc", [6, 4, 8, 3, 7, 2, 5, 1]),
                ("sort=number", [8, 1, 2, 3, 4, 5, 6, 7]),
                ("sort=number&dir=desc", [7, 6, 5, 4, 3, 2, 1, 8]),
                ("sort=policyholder", [8, 7, 2, 6, 4, 1, 5, 3]),
                ("sort=product", [3, 7, 5, 1, 6, 2, 4, 8]),
                ("sort=status", [8, 5, 1, 6, 2, 4, 3, 7]),
                ("sort=payment&dir=desc", [2, 3, 6, 1, 5, 7, 8, 4]),
                ("sort=work&dir=desc", [2, 7, 1, 5, 3, 8, 4, 6]),
                ("sort=operator", [8, 2, 1, 7, 4, 3, 6, 5]),
                ("sort=operator&dir=desc", [5, 6, 3, 4, 7, 1, 2, 8]),
            ]
            for (query, order) in expected {
                // when
                let numbers = try await client.orderedContractNumbers("size=100&" + query)
                // then
                #expect(numbers == order.map { F.specs[$0 - 1].number }, "\(query)")
            }
        }
    }

    @Test("Pages of 25, 50 or 100 (any size up to 100 in the API) walk the list without gaps or repeats")
    func paging() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let client = try await APIClient.signedIn(app, as: "operator")
            let whole = try await client.orderedContractNumbers("size=100&sort=operator")
            // when
            var walked: [String] = []
            for page in 1...4 { walked += try await client.orderedContractNumbers("size=3&sort=operator&page=\(page)") }
            let beyond = try await client.get("/api/v1/contracts?size=3&page=9")
            let tooBig = try await client.get("/api/v1/contracts?size=101")
            // then
            #expect(walked == whole && whole.count == 8)
            #expect((beyond.json["items"] as? [Any])?.isEmpty == true && beyond.json["total"] as? Int == 8)
            #expect(tooBig.status == .badRequest || tooBig.status == .unprocessableEntity)
        }
    }

    @Test("The page links its sortable headers, keeps the filters in them, and pages by 25")
    func pageLinks() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let browser = Browser(app)
            try await browser.login("operator")
            // when
            let page = try await browser.get("/contracts?paid=yes&sort=number&dir=asc")
            // then
            #expect(page.text.contains("href=\"/contracts?paid=yes&amp;dir=desc&amp;sort=number\""))
            #expect(page.text.contains("href=\"/contracts/export.csv?paid=yes&amp;sort=number&amp;dir=asc\""))
            #expect(page.text.range(of: "5510000008")!.lowerBound < page.text.range(of: "5520000001")!.lowerBound)
        }
    }

    @Test("CSV: byte order mark, «;» between fields, CRLF, Cyrillic, the filtered and visible rows in the list's order")
    func export() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let browser = Browser(app)
            try await browser.login("partner")
            // when
            let response = try await browser.get("/contracts/export.csv?product=product-1&sort=number&dir=desc")
            // then
            let lines = csvLines(response)
            #expect(lines.first == "Номер договора;ФИО страхователя;Название продукта;Дата оформления;Статус договора;Статус оплаты;Оператор;Необходимые работы")
            #expect(lines.dropFirst().map { String($0.prefix(10)) } == ["5520000007", "5520000003", "5520000001"])
            #expect(lines[1].hasPrefix("5520000007;Иванов Юрий Германович;Продукт 1;") && lines[1].hasSuffix(";Подписан;Оплачен;Кузнецова Анна Викторовна;Уточнить адрес"))
            #expect(try await app.auditEntries("contract.list.exported").count == 1)
        }
    }

    @Test("The export walks a long list chunk by chunk, in every order, exactly as the pages do, through any index")
    func chunks() async throws {
        try await withKabinet { app in
            // given
            try await ContractGenerator(app: app, seed: 7, days: 90).generate(157)
            let queries = try ContractQueries(app.db)
            let everything = RecordVisibility.everything
            for column in ContractSortColumn.allCases {
                for descending in [false, true] {
                    let sort = ContractListSort(column: column, descending: descending)
                    // when
                    var chunked: [UUID] = []
                    try await queries.forEachChunk(ContractListFilter(), scope: everything, sort: sort, size: 10) { rows in
                        chunked += rows.map(\.id)
                    }
                    let paged = try await queries.page(ContractListFilter(), scope: everything, sort: sort,
                        paging: Paging(page: 1, size: 200), total: 157)
                    let walked = try await queries.page(ContractListFilter(), scope: everything, sort: sort,
                        paging: Paging(page: 1, size: 200), total: ContractQueries.sortWalkThreshold + 1)
                    // then
                    #expect(chunked == paged.map(\.id), "\(column) \(descending)")
                    #expect(walked.map(\.id) == paged.map(\.id), "\(column) \(descending) through its index")
                    #expect(chunked.count == 157)
                }
            }
        }
    }

    @Test("«Дата оформления» is the Moscow day of the instant, as the date formatter has it")
    func moscowDay() {
        let late = Date(timeIntervalSince1970: 1_795_987_800)  // 2026-11-29 21:30 UTC, 00:30 on the 30th in Moscow
        #expect(ContractListLine.moscowDay(late) == "30.11.2026")
        for step in 0..<400 {
            let date = Date(timeIntervalSince1970: 1_300_000_000 + Double(step) * 987_654.3)
            #expect(ContractListLine.moscowDay(date) == MoscowTime.date(date), "\(date)")
        }
    }

    @Test("A field a spreadsheet would run or split is escaped")
    func csvFields() {
        #expect(CSVFormat.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVFormat.field("Иванов; Петров") == "\"Иванов; Петров\"")
        #expect(CSVFormat.field("-1") == "'-1")
        #expect(CSVFormat.field("Семёнов") == "Семёнов")
    }
}
