import Kabinet

/// The executable does nothing but start the application; everything else lives in the Kabinet library.
@main
enum Entrypoint {
    static func main() async throws {
        try await KabinetMain.run()
    }
}
