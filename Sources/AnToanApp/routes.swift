import Vapor

/// One block per module.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsController())

    // Access (ACC)
    try app.register(collection: SessionController())
    try app.register(collection: UsersController())
    try app.register(collection: TokensController())
    try app.register(collection: AuditController())
    try app.grouped("api", "v1").register(collection: AccessAPIController())

    // Organisation (ORG, PPL)
    try app.register(collection: OrganisationController())
    try app.grouped("api", "v1").register(collection: OrganisationAPIController())
    try app.register(collection: AreasController())
    try app.register(collection: BodiesController())
    try app.grouped("api", "v1").register(collection: RoutingAPIController())
    try app.register(collection: ImportPagesController())
    try app.grouped("api", "v1").register(collection: ImportAPIController())
    app.lifecycle.use(ImportJobDrain())

    // Duty (DUTY)
    try app.register(collection: DutyController())
    try app.grouped("api", "v1").register(collection: DutyAPIController())
    try app.register(collection: DutyDeskController())
    try app.grouped("api", "v1").register(collection: DutyWatchAPIController())
    try app.register(collection: RosterPagesController())
    try app.register(collection: RosterSeatsController())
    try app.register(collection: MyShiftsController())
    try app.grouped("api", "v1").register(collection: RosterEditAPIController())
    try app.register(collection: HolidaysController())
    try app.register(collection: PeakPeriodsController())
    try app.grouped("api", "v1").register(collection: DutyCalendarAPIController())
}
