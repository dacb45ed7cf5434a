import Foundation

/// `result.success` / `result.failure` for code that gathers errors from several checks before deciding.
extension Result {
    var success: Success? { if case .success(let value) = self { value } else { nil } }
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
