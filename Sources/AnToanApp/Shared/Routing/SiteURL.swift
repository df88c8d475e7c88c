import Foundation
import Vapor

/// Every page and form address of the site, so that routes and links cannot drift apart.
enum SiteURL: Sendable {
    case home
    case login
    case logout
    case language
    case setup(token: String)
    case password
    case tokens
    case tokenRevoke(UUID)
    case users
    case userNew
    case user(UUID)
    case userResetPassword(UUID)
    case audit
    /// The live stream of events (Server-Sent Events) for the signed-in account.
    case events
    /// The signed-in account's inbox, and marking one of its notifications read or acknowledged.
    case notifications
    case notificationRead(UUID)
    case notificationAcknowledge(UUID)
    case stylesheet
    case printStylesheet
    case script
    case areas
    case units
    case unit(UUID)
    case unitPart(UUID, UnitPart)
    /// A unit's edit form: its details and weekly rest days.
    case unitEdit(UUID)
    case staff
    case areaChange(AreaChange)
    case bodies
    case body(UUID)
    case routingRules
    case routingRuleDelete(UUID)
    case importData
    /// The administrator's background jobs; webhook subscriptions and their deliveries.
    case admin(AdminURL)
    case dutyOversight
    case dutyDesk
    case dutyCheckIn
    case dutyCheckOut
    case dutyLog
    case dutyHandover
    case dutyReceive(UUID)
    case dutyLogBook(UUID)
    /// A unit's weekly rest days and days off.
    case unitDaysOff(UUID)
    case rosterPages(RosterURL)
    /// Tips (the public form, the sender's follow-up page, triage) and situation notes.
    case tips(TipURL)
    /// Patrols (PAT): routes, checkpoints and their labels, rounds, the sổ tuần tra, observations.
    case patrols(PatrolURL)
    /// The page a checkpoint's label or tag opens (`CheckpointLink`).
    case scan(token: String)
    /// The service worker that keeps scans made offline.
    case serviceWorker
    case holidays
    case holidayYear(Int)
    case holidayChange(Int, HolidayChange)
    case peakPeriods
    /// Saves an edit of a peak period.
    case peakPeriod(UUID)
    /// Ends a peak period under way today.
    case peakPeriodEnd(UUID)
    /// Incidents in the reader's scope; a unit's report form; an incident and what is done to it.
    case incidents
    case incidentNew(unit: UUID)
    case incident(UUID)
    case incidentAcknowledge(UUID)
    case incidentStep(UUID)
    case incidentMinutes(UUID)
    case incidentPhoto(UUID, photo: UUID)
    /// The gate: check-in, who is inside, the books, the watchlist, visitors' personal data.
    case gate(GateURL)
    /// The gate's goods release notes, their approvers, the vehicle log and the sổ xuất–nhập.
    case gateGoods(GateGoodsURL)
    case equipment(EquipmentURL)
    /// Custody of equipment: issues and returns, certificates, loss reports, the sổ theo dõi công cụ hỗ trợ.
    case custody(CustodyURL)
    /// Equipment upkeep (EQ-3): due lists, intervals, checks, corrective actions, PC02, the fire book, oversight.
    case equipmentUpkeep(UpkeepURL)

    /// What the areas page changes in an existing area, each with its own form (a new area posts to `areas`).
    enum AreaChange: String, Sendable, CaseIterable {
        case rename
        case merge
        case split
    }

    /// What the holidays page does to a year's days off: confirm the proposal, add a day, remove a day.
    enum HolidayChange: String, Sendable, CaseIterable {
        case confirm
        case add
        case remove
    }

    /// What a unit's page adds to the unit, each with its own form.
    enum UnitPart: String, Sendable, CaseIterable {
        case departments
        case sites
        case systems
        case staff
        case memberships
    }

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language: "/language"
        case .setup(let token): "/setup/\(token)"
        case .password: "/account/password"
        case .tokens: "/account/tokens"
        case .tokenRevoke(let id): "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .users: "/admin/users"
        case .userNew: "/admin/users/new"
        case .user(let id): "/admin/users/\(id.uuidString.lowercased())"
        case .userResetPassword(let id): "/admin/users/\(id.uuidString.lowercased())/password"
        case .audit: "/admin/audit"
        case .events: "/events"
        case .notifications: "/notifications"
        case .notificationRead(let id): "/notifications/\(id.uuidString.lowercased())/read"
        case .notificationAcknowledge(let id): "/notifications/\(id.uuidString.lowercased())/acknowledge"
        case .stylesheet: "/static/app.css"
        case .printStylesheet: "/static/print.css"
        case .script: "/static/app.js"
        case .areas: "/areas"
        case .units: "/units"
        case .unit(let id): "/units/\(id.uuidString.lowercased())"
        case .unitPart(let id, let part): "/units/\(id.uuidString.lowercased())/\(part.rawValue)"
        case .staff: "/staff"
        case .areaChange(let change): "/areas/\(change.rawValue)"
        case .bodies: "/bodies"
        case .body(let id): "/bodies/\(id.uuidString.lowercased())"
        case .routingRules: "/routing-rules"
        case .routingRuleDelete(let id): "/routing-rules/\(id.uuidString.lowercased())/delete"
        case .importData: "/import"
        case .admin(let url): url.path
        case .dutyOversight: "/duty/oversight"
        case .dutyDesk: "/duty"
        case .dutyCheckIn: "/duty/check-in"
        case .dutyCheckOut: "/duty/check-out"
        case .dutyLog: "/duty/log"
        case .dutyHandover: "/duty/handover"
        case .dutyReceive(let id): "/duty/handovers/\(id.uuidString.lowercased())/receive"
        case .dutyLogBook(let id): "/units/\(id.uuidString.lowercased())/duty-log"
        case .unitDaysOff(let id): "/units/\(id.uuidString.lowercased())/days-off"
        case .unitEdit(let id): "/units/\(id.uuidString.lowercased())/edit"
        case .rosterPages(let url): url.path
        case .tips(let url): url.path
        case .patrols(let url): url.path
        case .scan(let token): CheckpointLink.pathPrefix + token
        case .serviceWorker: "/sw.js"
        case .holidays: "/holidays"
        case .holidayYear(let year): "/holidays/\(year)"
        case .holidayChange(let year, let change): "/holidays/\(year)/\(change.rawValue)"
        case .peakPeriods: "/peak-periods"
        case .peakPeriod(let id): "/peak-periods/\(id.uuidString.lowercased())"
        case .peakPeriodEnd(let id): "/peak-periods/\(id.uuidString.lowercased())/end"
        case .incidents: "/incidents"
        case .incidentNew(let unit): "/units/\(unit.uuidString.lowercased())/incidents/new"
        case .incident(let id): "/incidents/\(id.uuidString.lowercased())"
        case .incidentAcknowledge(let id): "/incidents/\(id.uuidString.lowercased())/acknowledge"
        case .incidentStep(let id): "/incidents/\(id.uuidString.lowercased())/steps"
        case .incidentMinutes(let id): "/incidents/\(id.uuidString.lowercased())/minutes"
        case .incidentPhoto(let id, let photo):
            "/incidents/\(id.uuidString.lowercased())/photos/\(photo.uuidString.lowercased())"
        case .gate(let url): url.path
        case .gateGoods(let url): url.path
        case .equipment(let url): url.path
        case .custody(let url): url.path
        case .equipmentUpkeep(let url): url.path
        }
    }

    /// The route pattern of a case: the same path with its parameters as `:name`.
    static func route(_ url: SiteURL) -> [PathComponent] {
        let pattern: String =
            switch url {
            case .setup: "/setup/:token"
            case .tokenRevoke: "/account/tokens/:id/revoke"
            case .user: "/admin/users/:id"
            case .userResetPassword: "/admin/users/:id/password"
            case .notificationRead: "/notifications/:id/read"
            case .notificationAcknowledge: "/notifications/:id/acknowledge"
            case .unit: "/units/:id"
            case .unitPart(_, let part): "/units/:id/\(part.rawValue)"
            case .body: "/bodies/:id"
            case .routingRuleDelete: "/routing-rules/:id/delete"
            case .admin(let url): url.pattern
            case .dutyReceive: "/duty/handovers/:id/receive"
            case .dutyLogBook: "/units/:id/duty-log"
            case .unitDaysOff: "/units/:id/days-off"
            case .unitEdit: "/units/:id/edit"
            case .rosterPages(let url): url.pattern
            case .tips(let url): url.pattern
            case .patrols(let url): url.pattern
            case .scan: CheckpointLink.pathPrefix + ":token"
            case .holidayYear: "/holidays/:year"
            case .holidayChange(_, let change): "/holidays/:year/\(change.rawValue)"
            case .peakPeriod: "/peak-periods/:id"
            case .peakPeriodEnd: "/peak-periods/:id/end"
            case .incidentNew: "/units/:id/incidents/new"
            case .incident: "/incidents/:id"
            case .incidentAcknowledge: "/incidents/:id/acknowledge"
            case .incidentStep: "/incidents/:id/steps"
            case .incidentMinutes: "/incidents/:id/minutes"
            case .incidentPhoto: "/incidents/:id/photos/:photo"
            case .gate(let url): url.pattern
            case .gateGoods(let url): url.pattern
            case .equipment(let url): url.pattern
            case .custody(let url): url.pattern
            case .equipmentUpkeep(let url): url.pattern
            default: url.path
            }
        return pattern.pathComponents
    }
}

extension Request {
    /// The `:id` parameter as a UUID, or 404 when it is not one.
    func idParameter() throws -> UUID {
        guard let id = parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    /// A submitted form's fields as typed; nothing when the body is not a form (every field is then missing).
    var formValues: [String: String] {
        (try? content.decode([String: String].self)) ?? [:]
    }
}

extension UUID {
    /// Stands for `:id` when a route pattern is asked of a `SiteURL` case that carries an id.
    static let placeholder = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
