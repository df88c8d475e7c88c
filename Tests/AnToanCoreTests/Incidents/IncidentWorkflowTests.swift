import Foundation
import Testing

@testable import AnToanCore

@Suite("Incident taxonomy, response steps and escalation delays")
struct IncidentWorkflowTests {
    @Test("every kind has a Vietnamese name with its diacritics and the TT 124 criteria it can break")
    func taxonomy() {
        #expect(IncidentKind.theft.nameVi == "Trộm cắp tài sản")
        #expect(IncidentKind.theft.criteria == ["6.3.đ"])
        #expect(IncidentKind.strike.criteria == ["6.3.d"])
        #expect(IncidentKind.schoolViolence.criteria == ["7.4"])
        #expect(IncidentKind.intrusion.criteria.isEmpty)
        #expect(Set(IncidentKind.allCases.map(\.nameVi)).count == IncidentKind.allCases.count)
        #expect(IncidentKind(rawValue: "public_disorder") == .publicDisorder)
    }

    @Test("the gravest incident waits 5 minutes for an acknowledgement, a minor one an hour")
    func delays() {
        let reported = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(IncidentEscalation.due(since: reported, severity: .critical) == reported.addingTimeInterval(300))
        #expect(IncidentSeverity.allCases.map(\.acknowledgementDelay) == [300, 900, 1_800, 3_600])
        #expect(IncidentSeverity.critical < .low)
        #expect(IncidentEscalation.nextLevel(after: 0, chainLength: 2) == 1)
        #expect(IncidentEscalation.nextLevel(after: 1, chainLength: 2) == nil)
    }

    @Test("the next step is taken without a reason")
    func nextStep() throws {
        #expect(try IncidentWorkflow.advance(from: .reported, to: .responding, skipReason: nil).isEmpty)
        #expect(IncidentStage.responding.next == .sceneSecured)
        #expect(IncidentStage.closed.next == nil)
    }

    @Test("passing over steps needs a reason, and names the steps passed over")
    func skipping() throws {
        #expect(throws: IncidentWorkflow.Problem.reasonRequired(skipping: [.handedOver, .underInvestigation])) {
            try IncidentWorkflow.advance(from: .policeNotified, to: .closed, skipReason: "  ")
        }
        let skipped = try IncidentWorkflow.advance(from: .policeNotified, to: .closed, skipReason: "không bắt được ai")
        #expect(skipped == [.handedOver, .underInvestigation])
    }

    @Test("a step already taken, or any step after closing, is refused")
    func outOfOrder() {
        #expect(throws: IncidentWorkflow.Problem.notForward(current: .sceneSecured)) {
            try IncidentWorkflow.advance(from: .sceneSecured, to: .responding, skipReason: "x")
        }
        #expect(throws: IncidentWorkflow.Problem.notForward(current: .responding)) {
            try IncidentWorkflow.advance(from: .responding, to: .responding, skipReason: nil)
        }
        #expect(throws: IncidentWorkflow.Problem.alreadyClosed) {
            try IncidentWorkflow.advance(from: .closed, to: .closed, skipReason: nil)
        }
    }

    @Test("a crime needs the severity the authority determined; nothing else has one")
    func outcome() {
        var outcome = IncidentOutcome(
            qualification: .crime,
            crimeSeverity: nil,
            forceMajeure: false,
            detectedPromptly: true,
            damageLimited: true,
            reportedToAuthorityAt: nil
        )
        #expect(throws: IncidentOutcome.Problem.crimeSeverityMissing) { try outcome.check() }
        outcome.crimeSeverity = .serious
        #expect(throws: Never.self) { try outcome.check() }
        #expect(CrimeSeverity.serious.isSeriousOrGraver && !CrimeSeverity.lessSerious.isSeriousOrGraver)
        outcome.qualification = .administrativeViolation
        #expect(throws: IncidentOutcome.Problem.crimeSeverityNotACrime) { try outcome.check() }
    }

    @Test("a unit's leadership and the authorities handle incidents; guards and team members report them")
    func whoHandles() {
        for role in [Role.unitHead, .unitSecurityOfficer, .authorityLeader, .authorityOfficer, .administrator] {
            #expect(Permissions.allows(role, .handleIncidents), "\(role)")
        }
        for role in [Role.dutyOfficer, .teamMember, .gateReceptionist] {
            #expect(!Permissions.allows(role, .handleIncidents), "\(role)")
            #expect(Permissions.allows(role, .reportIncident), "\(role)")
        }
    }
}
