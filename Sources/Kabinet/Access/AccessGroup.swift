import Fluent
import Foundation

/// An access group (seed 003 §6): managers with the `groups` scope see the records of every member.
final class AccessGroup: Model, @unchecked Sendable {
    static let schema = "access_groups"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Siblings(through: AccessGroupMember.self, from: \.$group, to: \.$user) var members: [User]

    init() {}
    init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

final class AccessGroupMember: Model, @unchecked Sendable {
    static let schema = "access_group_members"
    @ID var id: UUID?
    @Parent(key: "group_id") var group: AccessGroup
    @Parent(key: "user_id") var user: User

    init() {}
    init(groupID: UUID, userID: UUID) {
        self.$group.id = groupID
        self.$user.id = userID
    }
}
