/// Where a tip stands, as its sender and the people who triage it read it.
public enum TipStatus: String, CaseIterable, Codable, Sendable {
    /// Sent, not yet decided (or the sender answered a question).
    case received
    /// The unit or authority asked the sender a question; it waits for the answer.
    case waitingForSender = "waiting_for_sender"
    /// Taken up as an incident.
    case acceptedAsIncident = "accepted_as_incident"
    /// Taken up as a situation note (a sign of trouble to watch).
    case acceptedAsNote = "accepted_as_note"
    case dismissed

    /// A decided tip takes no more questions, answers or decisions.
    public var isDecided: Bool {
        switch self {
        case .received, .waitingForSender: false
        case .acceptedAsIncident, .acceptedAsNote, .dismissed: true
        }
    }

    /// What the sender reads with the code.
    public var senderVi: String {
        switch self {
        case .received: "Đã tiếp nhận, đang được xem xét"
        case .waitingForSender: "Cần bạn bổ sung thông tin (xem câu hỏi bên dưới)"
        case .acceptedAsIncident: "Đã tiếp nhận xử lý như một vụ việc"
        case .acceptedAsNote: "Đã tiếp nhận để theo dõi tình hình"
        case .dismissed: "Đã xem xét, không xử lý tiếp"
        }
    }

    public var senderEn: String {
        switch self {
        case .received: "Received, being looked at"
        case .waitingForSender: "More information needed from you (see the question below)"
        case .acceptedAsIncident: "Taken up as an incident"
        case .acceptedAsNote: "Taken up to keep watch on the situation"
        case .dismissed: "Looked at, not taken further"
        }
    }

    /// What the people who triage read in their list.
    public var shortVi: String {
        switch self {
        case .received: "Mới"
        case .waitingForSender: "Chờ người báo trả lời"
        case .acceptedAsIncident: "Đã chuyển thành vụ việc"
        case .acceptedAsNote: "Đã chuyển thành tình hình đáng chú ý"
        case .dismissed: "Đã bỏ qua"
        }
    }

    public var shortEn: String {
        switch self {
        case .received: "New"
        case .waitingForSender: "Waiting for the sender"
        case .acceptedAsIncident: "Turned into an incident"
        case .acceptedAsNote: "Turned into a situation note"
        case .dismissed: "Dismissed"
        }
    }
}

/// What the unit or the authority decides about a tip.
public enum TipDecision: String, CaseIterable, Codable, Sendable {
    case acceptAsIncident = "accept_as_incident"
    case acceptAsNote = "accept_as_note"
    case askSender = "ask_sender"
    case dismiss
}

/// The rules of triage and of the sender's answers.
public enum TipTriage {
    public enum Problem: Error, Equatable, Sendable {
        /// The tip was already accepted or dismissed.
        case alreadyDecided
        /// A question, a dismissal's reason: the text is required.
        case textRequired
        /// The sender answers only a question that is waiting.
        case noQuestion
    }

    /// The status after `decision`, or why it may not be taken.
    public static func decide(
        _ decision: TipDecision,
        on status: TipStatus,
        text: String
    ) -> Result<
        TipStatus, Problem
    > {
        guard !status.isDecided else { return .failure(.alreadyDecided) }
        switch decision {
        case .acceptAsIncident: return .success(.acceptedAsIncident)
        case .acceptAsNote: return .success(.acceptedAsNote)
        case .askSender: return text.isEmpty ? .failure(.textRequired) : .success(.waitingForSender)
        case .dismiss: return text.isEmpty ? .failure(.textRequired) : .success(.dismissed)
        }
    }

    /// The status after the sender adds something: an answer to a waiting question sends the tip back to be
    /// looked at; more information on an undecided tip leaves it where it is; a decided tip takes nothing more.
    public static func senderAdds(on status: TipStatus) -> Result<TipStatus, Problem> {
        switch status {
        case .received, .waitingForSender: .success(.received)
        case .acceptedAsIncident, .acceptedAsNote, .dismissed: .failure(.alreadyDecided)
        }
    }
}
