import Fluent

/// Every migration of every module, in the order they run. Append only; one line of reason each.
enum MigrationRegistry {
    static let all: [any Migration] = [
        CreateSettings(),  // key/value settings, e.g. the generated secret shared by all nodes
        CreateUsers(),  // accounts with role, scope and language
        CreateUserSessions(),  // sessions kept in the database so any node serves any session
        CreateAPITokens(),  // hashed bearer tokens
        CreateLoginThrottles(),  // failed-login counters per account and per address
        CreateSetupTokens(),  // one-time links that set the first administrator's password
        CreateAuditEntries(),  // the hash-chained audit trail and its head row
        CreateAreas(),  // the area tree, versioned by validity dates, and its rename/merge/split events
        CreateUnits(),  // units and departments, with the history of their areas
        CreateSupervisingBodies(),  // police, military command and people's committees over an area
        CreateSites(),  // sites of a unit and the security systems installed there
        CreateStaff(),  // staff of a unit and their membership of the forces
        CreateImportJobs(),  // background spreadsheet imports: progress and the problems found
        CreateNameKeys(),  // name search keys of staff and units; an index that walks unit lists in order
        CreateRoutingRules(),  // approval chains and report recipients per unit kind and area, as data
        CreateDuty(),  // holidays, peak periods, duty set-ups per unit, rosters and their seats
        CreateDutyWatch(),  // check-ins on roster seats, the duty log book and handovers between shifts
        CreateRosterSwaps(),  // swap requests of published seats; secret calendar feeds of each person's shifts
        CreateUnitCountIndex(),  // a narrow index that counts a unit list's units in scope
        AreaPathsInByteOrder(),  // PostgreSQL: area paths in the "C" collation, so a scope's prefix walks an index
        CreateAuditCheckpoints(),  // the server's copies of signed audit checkpoints
        CreateStaffUniqueKeys(),  // identity numbers unique among staff, staff codes within a unit, by index
        AddRosterApproval(),  // trình ký: a unit may require its head's approval of a roster before it is published
        AddRosterSetupSnapshot(),  // the posts a roster was made from, to mark it out of date when they change
        AddImportJobUpdated(),  // how many records a background import changed, beside how many it created
        CreateUnitRestDays(),  // each unit's weekly rest days, which its compensatory days off and weekends follow
        IndexForeignKeys(),  // indexes on the foreign keys pages read by (a unit's security systems were a table scan)
        AddUnitCodeKeys(),  // a unit's code among its search keys, so that a search finds a unit by its code
        CreateJobs(),  // the job runner: one-off and recurring jobs, claimed by any node with a lease
        CreateOutbox(),  // the outbox of events, numbered in commit order, read by live pages and webhooks
        CreateNotifications(),  // each account's inbox: what to read and acknowledge
        CreateIncidents(),  // incidents, their photos, timeline, addressees and acknowledgements
        CreateTips(),  // public tips with hashed follow-up codes, their messages and photos; situation notes
        CreateWebhooks(),  // webhook subscriptions, their deliveries and attempts, and the dispatcher's cursor
        CreatePatrols(),  // patrol routes, checkpoints, rounds, scans (refused ones too), observations
        CreateGate(),  // visits at the gate, the watchlists, each unit's retention rule and the log of reads
        CreateGateGoods(),  // goods release notes and the staff who approve them, the vehicle log
        CreateEquipment(),  // the equipment registry: weapons, support tools, fire equipment, devices; permits
        CreateEquipmentTransfers(),  // receipts from suppliers and issues to departments or forces, with their papers
        CreateEquipmentCustody(),  // training certificates, issues and returns, loss reports, handover counts
        CreateEquipmentUpkeep(),  // upkeep: units' intervals, items' due dates, checks, corrective actions, reminders
        CoverEquipmentOversight(),  // the units' counts read from their area's index alone
    ]
}
