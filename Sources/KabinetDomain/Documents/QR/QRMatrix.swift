/// The square module grid under construction, with a parallel map of "function" modules.
///
/// Function modules (finders, separators, timing, alignment, format and version areas, the
/// dark module) are fixed by the version; data placement and masking must skip them, so each
/// write records whether the module is reserved.
struct QRMatrix: Sendable, Equatable {
    let size: Int
    /// Row-major: index = y * size + x; `true` = dark.
    private(set) var dark: [Bool]
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool {
        dark[y * size + x]
    }

    func isFunctionModule(x: Int, y: Int) -> Bool {
        isFunction[y * size + x]
    }

    /// Writes and reserves a function module.
    mutating func setFunction(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    /// Writes a data module; function modules are never overwritten.
    mutating func setData(x: Int, y: Int, dark value: Bool) {
        precondition(!isFunction[y * size + x], "data written over a function module")
        dark[y * size + x] = value
    }

    /// XORs a data module (masking); function modules are left alone.
    mutating func flipData(x: Int, y: Int) {
        let index = y * size + x
        if !isFunction[index] { dark[index].toggle() }
    }
}
