import Foundation
import KabinetDomain
import Vapor

/// What `contracts/list.leaf` shows: the filters as typed with their messages, the dropdowns, the sortable column
/// headers, the rows and the paging.
struct ContractListContent: Encodable {
    struct Header: Encodable {
        var title: String
        var link: String
        var active: Bool
        var descending: Bool
    }

    struct Preset: Encodable {
        var value: String
        var title: String
        var active: Bool
    }

    var filter: ContractListInput
    var errors: [String: String] = [:]
    var operators: [SelectOption]
    var offices: [SelectOption]
    var products: [SelectOption]
    var statuses: [SelectOption]
    var paid: [SelectOption]
    var work: [SelectOption]
    var erroneous: [SelectOption]
    var sizes: [SelectOption]
    var presets: [Preset]
    var showMine: Bool
    var mine: Bool
    var headers: [Header]
    var rows: [ContractListLine]
    var total: Int
    var paging: Paging.Links?
    /// False when the filters were refused: the page then shows the messages and no list.
    var hasResults: Bool
    var exportLink: String?
    var sort: String
    var dir: String

    /// The column titles of the seed's list, in order; the CSV file's header too.
    static let columns: [(ContractSortColumn, String)] = [
        (.number, "contracts.list.number"), (.policyholder, "contracts.list.policyholder"),
        (.product, "contracts.list.product_name"), (.issued, "contracts.list.issued"),
        (.status, "contracts.list.status"), (.payment, "contracts.list.payment"),
        (.operator, "contracts.list.operator"), (.work, "contracts.list.work"),
    ]

    static func columnTitles(_ req: Request) -> [String] { columns.map { req.t($0.1) } }

    init(input: ContractListInput, plan: ContractListing.Plan, listing: ContractListing, req: Request,
        rows: [ContractListLine], total: Int, paging: Paging.Links?)
    {
        var shown = input
        if ContractListInput.value(input.period).flatMap(ContractListPeriod.init(rawValue:)) != nil {
            shown.period = nil
            shown.from = plan.list.fromDay?.iso
            shown.to = plan.list.toDay?.iso
        }
        filter = shown
        let options = plan.options
        func select(_ choices: [ContractListOptions.Choice], _ chosen: String?) -> [SelectOption] {
            choices.map { SelectOption(value: $0.id, label: $0.label, selected: $0.id.lowercased() == chosen?.lowercased()) }
        }
        operators = select(options.operators, input.operator)
        offices = select(options.offices, input.office)
        products = select(options.products, input.product)
        let english = req.locale == "en"
        statuses = ContractStatus.allCases.map {
            SelectOption(value: $0.rawValue, label: english ? $0.englishName : $0.russianName, selected: $0.rawValue == input.status)
        }
        func yesNo(_ chosen: String?) -> [SelectOption] {
            [("yes", "contracts.list.yes"), ("no", "contracts.list.no")].map {
                SelectOption(value: $0.0, label: req.t($0.1), selected: $0.0 == chosen)
            }
        }
        paid = yesNo(input.paid)
        work = yesNo(input.work)
        erroneous = yesNo(input.erroneous)
        let size = plan.list.paging.size
        sizes = ContractListInput.pageSizes.map { SelectOption(value: String($0), label: String($0), selected: $0 == size) }
        let today = ContractListing.today()
        presets = ContractListPeriod.allCases.map { preset in
            let days = preset.days(endingOn: today)
            return Preset(value: preset.rawValue, title: req.t("contracts.list.period.\(preset.rawValue)"),
                active: plan.list.fromDay == days.from && plan.list.toDay == days.to)
        }
        showMine = listing.seesMoreThanOwn
        mine = plan.list.filter.onlyMine
        sort = plan.list.sort.column.rawValue
        dir = plan.list.sort.descending ? "desc" : "asc"
        let current = plan.list.sort
        headers = Self.columns.map { column, key in
            let active = current.column == column
            let descending = active ? !current.descending : column == .issued
            return Header(title: req.t(key),
                link: req.link(replacing: ["sort": column.rawValue, "dir": descending ? "desc" : "asc", "page": nil]),
                active: active, descending: current.descending)
        }
        self.rows = rows
        self.total = total
        self.paging = paging
        hasResults = paging != nil
        exportLink = Authorizer.may(listing.actor, .export, in: .contracts)
            ? req.exportLink("/contracts/export.csv") : nil
    }
}
