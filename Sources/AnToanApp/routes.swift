import Vapor

/// One block per module.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsController())
    // The content of the pages people reload most, kept until the next write or minute (Shared/Views/KeptPages).
    app.keptPages = KeptPages()

    // Spreadsheet import and export (Shared/Import) of the kinds the modules register below in `app.importKinds`.
    try app.register(collection: ImportPagesController())
    try app.registerAPI(ImportAPIController())
    app.lifecycle.use(ImportJobDrain())

    // Background jobs (Shared/Jobs) and webhooks (ACC-5, Shared/Webhooks)
    try app.register(collection: JobsPagesController())
    try Webhooks.register(app)

    // Events (Shared/Events): the outbox read by one hub per node, the live stream and the inboxes.
    app.eventHub = EventHub()
    app.lifecycle.use(EventHubShutdown())
    app.middleware.use(EventsPositionMiddleware())
    try app.register(collection: EventsController())
    try app.register(collection: NotificationsController())
    try app.registerAPI(NotificationsAPIController())

    // Access (ACC)
    try app.register(collection: SessionController())
    try app.register(collection: UsersController())
    try app.register(collection: TokensController())
    try app.register(collection: AuditController())
    try app.registerAPI(AccessAPIController())

    // Organisation (ORG, PPL)
    try app.register(collection: OrganisationController())
    try app.register(collection: UnitEditController())
    try app.registerAPI(OrganisationAPIController())
    try app.register(collection: AreasController())
    try app.register(collection: BodiesController())
    try app.registerAPI(RoutingAPIController())
    app.importKinds.register(.areas, .units, .staff, .memberships)
    app.importKinds.preselected = ImportKind.staff.id

    // Duty (DUTY)
    app.oversightCache = OversightCache()
    try app.register(collection: DutyController())
    try app.registerAPI(DutyAPIController())
    try app.register(collection: DutyDeskController())
    try app.registerAPI(DutyWatchAPIController())
    try app.register(collection: RosterPagesController())
    try app.register(collection: RosterApprovalController())
    try app.registerAPI(RosterApprovalAPIController())
    try app.register(collection: RosterSeatsController())
    try app.register(collection: MyShiftsController())
    try app.registerAPI(RosterEditAPIController())
    try app.register(collection: HolidaysController())
    try app.register(collection: PeakPeriodsController())
    try app.registerAPI(DutyCalendarAPIController())
    app.homeCards.append(DutyToday.card)
    try app.register(collection: UnitDaysOffController())
    try app.registerAPI(UnitDaysOffAPIController())

    // Incidents (INC-1..3): reports with photos, escalation up the chain, the response step by step
    try app.register(collection: IncidentsController())
    try app.registerAPI(IncidentsAPIController())
    IncidentEscalationService.register(app)
    // Acknowledging the notification in the inbox acknowledges the incident, on its timeline.
    app.acknowledgers.register(IncidentService.entity) { principal, id, req in
        _ = try await IncidentResponse.acknowledge(id, by: principal, on: req.application)
    }
    app.homeCards.append(IncidentHome.card)

    // Tips (INC-4) and situation notes (INC-5): the public tip pages need no account
    try app.register(collection: TipsPublicController())
    try app.register(collection: TipsController())
    try app.register(collection: SituationNotesController())
    try app.registerAPI(TipsAPIController())

    // Patrols (PAT-1..3): routes, checkpoints with signed QR labels and NFC tags, rounds judged at their deadline,
    // the scan pages with offline scans
    try app.register(collection: PatrolsController())
    try app.register(collection: PatrolScanController())
    try app.register(collection: PatrolObservationsController())
    try app.registerAPI(PatrolsAPIController())
    PatrolRounds.register(app)

    // Gate (GATE-1..4): visitors in and out, the watchlists, the books, visitors' personal data and its purge
    try app.register(collection: GateController())
    try app.registerAPI(GateAPIController())
    VisitorData.register(app)
    // Goods release notes and their approvers, the vehicle log and the sổ xuất–nhập
    try app.register(collection: GateGoodsController())
    try app.register(collection: GateVehiclesController())
    try app.registerAPI(GateGoodsAPIController())

    // Equipment (EQ-1..4): the registry of weapons, support tools, fire equipment and devices, with QR labels
    try app.register(collection: EquipmentController())
    try app.registerAPI(EquipmentAPIController())
    try app.register(collection: EquipmentTransfersController())
    app.importKinds.register(.equipment)
    // Equipment custody (EQ-2): issues with the head's approval, certificates, loss reports, the custody book
    try app.register(collection: CustodyController())
    try app.registerAPI(CustodyAPIController())
    CustodyOverdue.register(app)
    app.homeCards.append(CustodyHome.card)
    // Equipment upkeep (EQ-3) and its oversight: due lists, intervals, checks on a phone, corrective actions, PC02,
    // the fire equipment book, the nightly due-date and reminder job
    try app.register(collection: UpkeepController())
    try app.registerAPI(UpkeepAPIController())
    UpkeepReminders.register(app)
    app.homeCards.append(UpkeepHome.card)

    // Last, once every API route is known.
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes))
}
