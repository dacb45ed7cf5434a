import KabinetDomain
import Vapor

/// Every route of the portal. Public pages first, then everything behind the login.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsController())
    try app.register(collection: LanguageController())
    try app.register(collection: LoginController())
    try app.register(collection: RecoveryController())
    try app.register(collection: SetPasswordController(purpose: .recovery))
    try app.register(collection: SetPasswordController(purpose: .invitation))
    try APIRoutes.register(on: app)
    try app.register(collection: ClientSigningController())
    if app.settings.developmentMailboxEnabled {
        try app.register(collection: DevMailboxController())
    }

    try PaymentRoutes.register(on: app)

    let loggedIn = app.grouped(RequireLogin())
    try loggedIn.register(collection: HomeController())
    try loggedIn.register(collection: ProfileController())
    try loggedIn.register(collection: NotificationsController())
    try loggedIn.register(collection: AdminHomeController())
    try loggedIn.register(collection: UsersAdminController())
    try AdminScreens.register(on: loggedIn)
    try loggedIn.register(collection: ProductsController())
    try loggedIn.register(collection: QuotesController())
    try loggedIn.register(collection: TariffsAdminController())
    try loggedIn.register(collection: ContractListController())
    try loggedIn.register(collection: ContractFormController())
    try loggedIn.register(collection: ContractCardController())
    try loggedIn.register(collection: ContractSigningController())
    try loggedIn.register(collection: BlankRangesAdminController())
    try loggedIn.register(collection: CommissionActsController())
    try loggedIn.register(collection: CommissionActCardController())
    try loggedIn.register(collection: CommissionRatesController())
    try loggedIn.register(collection: LibraryController())
    try loggedIn.register(collection: LibraryAdminController())
    try loggedIn.register(collection: ReportFormController())
    try loggedIn.register(collection: ReportsController())
    try ClientsNavigation.register(on: loggedIn)

    try loggedIn.register(collection: NotificationSettingsController())
    try loggedIn.register(collection: ApplicationsController())
    try loggedIn.register(collection: ApplicationTypesAdminController())
    NotificationMail.configure(app)

    registerNavigation(app)
}

/// The sections in the top menu and on the start page. A module adds its entry when it lands.
private func registerNavigation(_ app: Application) {
    var navigation = NavigationRegistry()
    navigation.add(ProductsNavigation.products)
    navigation.add(ProductsNavigation.quotes)
    navigation.add(ContractsNavigation.contracts)
    navigation.add(ApplicationsNavigation.applications)
    navigation.add(ReportsNavigation.reports)
    navigation.add(CommissionNavigation.acts)
    navigation.add(LibraryNavigation.documents)
    navigation.add(ClientsNavigation.clients)
    navigation.add(NavigationEntry(
        titleKey: "nav.administration", descriptionKey: "tile.administration", path: "/admin", icon: "settings",
        required: Permission(.administration, .view)))
    navigation.add(NavigationEntry(
        titleKey: "nav.notifications", descriptionKey: "tile.notifications", path: "/notifications", icon: "bell",
        required: nil, inTopMenu: false))
    navigation.add(NavigationEntry(
        titleKey: "nav.profile", descriptionKey: "tile.profile", path: "/profile", icon: "user", required: nil, inTopMenu: false))
    app.navigation = navigation
}
