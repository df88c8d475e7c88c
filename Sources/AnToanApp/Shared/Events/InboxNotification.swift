import Fluent
import Foundation

/// One notification in an account's inbox, about one thing (an incident to acknowledge, an escalation).
/// `@unchecked Sendable`: Fluent model.
final class InboxNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    @Field(key: "account_id") var accountID: UUID
    @Field(key: "title_vi") var titleVi: String
    @Field(key: "title_en") var titleEn: String
    /// A path on this site.
    @Field(key: "link") var link: String
    /// What it is about, e.g. `incident` and the incident's id.
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: UUID
    @Field(key: "needs_acknowledgement") var needsAcknowledgement: Bool
    @OptionalField(key: "read_at") var readAt: Date?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?

    init() {}

    init(
        account: UUID,
        title: LocalizedText,
        link: String,
        needsAcknowledgement: Bool,
        entity: String,
        entityID: UUID,
        now: Date
    ) {
        self.accountID = account
        self.titleVi = title.vi
        self.titleEn = title.en
        self.link = link
        self.needsAcknowledgement = needsAcknowledgement
        self.entity = entity
        self.entityID = entityID
        self.createdAt = now
    }

    var title: LocalizedText { LocalizedText(vi: titleVi, en: titleEn) }
}
