/// The pricing domain names the form's fields; the API document names some of them more explicitly. Errors must
/// name the property the client sent.
enum APIFieldNames {
    private static let domainToAPI = ["product": "productCode", "agreement": "agreementNumber"]

    static func api(_ domainField: String) -> String {
        domainToAPI[domainField] ?? domainField
    }
}
