import Vapor

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }

    var settings: Settings {
        get {
            guard let value = storage[SettingsKey.self] else { fatalError("Settings are loaded in configure()") }
            return value
        }
        set { storage[SettingsKey.self] = newValue }
    }
}

/// Where the package's own files (templates, translations, static files) are, wherever the binary is started.
enum BundledResources {
    static var root: String {
        Bundle.module.bundleURL.appendingPathComponent("Resources").path + "/"
    }
}
