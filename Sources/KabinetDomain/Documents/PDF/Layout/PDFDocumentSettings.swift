import Foundation

/// The two font files a document is set in. Paths are configuration (Debian's DejaVu by
/// default) because the deployment image decides where fonts live.
public struct PDFFontSet: Sendable {
    public static let debianRegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    public static let debianBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    public let regular: TrueTypeFont
    public let bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    /// Loads both files; throws `TrueTypeError` when a file is missing or not a TrueType font.
    public init(regularPath: String = debianRegularPath, boldPath: String = debianBoldPath) throws {
        self.init(regular: try TrueTypeFont(contentsOfFile: regularPath), bold: try TrueTypeFont(contentsOfFile: boldPath))
    }

    func font(_ weight: PDFFontWeight) -> TrueTypeFont {
        weight == .bold ? bold : regular
    }
}

public enum PDFFontWeight: Sendable, Hashable {
    case regular, bold
}

public enum PDFTextAlignment: Sendable, Hashable {
    case left, center, right
}

/// /Info dictionary. The creation date is passed in (no hidden clock) so that rendering the
/// same contract twice gives identical bytes.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String?
    public var creationDate: Date
    public var timeZone: TimeZone

    public init(title: String, author: String, subject: String? = nil, creationDate: Date,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Moscow") ?? TimeZone(secondsFromGMT: 3 * 3600)!) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creationDate = creationDate
        self.timeZone = timeZone
    }
}

/// Page size and margins in points (1/72 inch).
public struct PDFPageSetup: Sendable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var bottom: Double
    public var left: Double
    public var right: Double

    /// A4 portrait, 20 mm left, 15 mm right, 15 mm top, 20 mm bottom (the footer sits in it).
    public static let a4 = PDFPageSetup(width: 595.28, height: 841.89, top: 42.5, bottom: 56.7, left: 56.7, right: 42.5)

    public init(width: Double, height: Double, top: Double, bottom: Double, left: Double, right: Double) {
        self.width = width
        self.height = height
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    public var contentWidth: Double { width - left - right }
}

/// Type sizes and spacing in points; one value per role so templates stay consistent.
public struct PDFTextStyle: Sendable {
    public var bodySize = 10.0
    public var headingSize = 15.0
    public var subheadingSize = 12.0
    public var smallSize = 8.0
    /// Line height as a multiple of the font size.
    public var leading = 1.3
    /// Space after a paragraph, key–value block or table.
    public var blockSpacing = 6.0
    /// Padding inside table cells and the stamp frame.
    public var cellPadding = 4.0

    public static let standard = PDFTextStyle()

    public init() {}
}
