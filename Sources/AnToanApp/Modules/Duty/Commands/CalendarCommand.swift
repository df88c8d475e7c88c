import AnToanCore
import Vapor

/// `antoan calendar lunar|solar …`: the conversions officials make all the time, on the command line.
struct CalendarCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["lunar": LunarCommand(), "solar": SolarCommand()] }
    var help: String { "Convert between solar and Vietnamese lunar dates" }
}

/// `antoan calendar lunar 2027-02-06`, or `--from A --to B --csv` for one line per day. ConsoleKit's
/// arguments are always required, so this command reads its own words to allow both forms.
struct LunarCommand: AnyAsyncCommand {
    var help: String { "Print the lunar date of a solar date, or with --from A --to B --csv of every day in a range" }

    func outputHelp(using context: inout CommandContext) {
        context.console.print(
            "Usage: antoan calendar lunar DATE | --from DATE --to DATE --csv   (DATE: yyyy-MM-dd or dd/MM/yyyy)"
        )
    }

    func run(using context: inout CommandContext) async throws {
        var words = context.input.arguments[...]
        var options: [String: String] = [:]
        var positional: [String] = []
        while let word = words.popFirst() {
            switch word {
            case "--csv": options["csv"] = "1"
            case "--from", "--to": options[String(word.dropFirst(2))] = words.popFirst() ?? ""
            case "--help", "-h": return outputHelp(using: &context)
            default: positional.append(word)
            }
        }
        if let from = options["from"] {
            guard let start = CalendarCommand.solar(from), let end = CalendarCommand.solar(options["to"] ?? from) else {
                throw CommandFailed(message: "from/to: need dates as yyyy-MM-dd or dd/MM/yyyy")
            }
            guard start <= end else { throw CommandFailed(message: "to: must not be before from") }
            let lines = try CalendarCommand.run { () throws(CalendarError) in
                try LunarCalendar.csvLines(from: start, to: end)
            }
            context.console.print(lines.joined(separator: "\n"))
            return
        }
        guard positional.count == 1, let solar = CalendarCommand.solar(positional[0]) else {
            throw CommandFailed(message: "date: needs one date as yyyy-MM-dd or dd/MM/yyyy")
        }
        let lunar = try CalendarCommand.run { () throws(CalendarError) in try LunarCalendar.lunar(from: solar) }
        context.console.print("\(solar.dmy) (\(solar.weekday.nameVi)) = \(lunar.display) âm lịch")
    }
}

/// `antoan calendar solar 1/1/2027 [--leap]`: the solar date of a lunar date.
struct SolarCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "date", help: "A lunar date d/M/yyyy")
        var date: String
        @Flag(name: "leap", help: "The month is the leap (nhuận) month")
        var leap: Bool
    }

    var help: String { "Print the solar date of a lunar date" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let parts = signature.date.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { throw CommandFailed(message: "date: needs a lunar date as d/M/yyyy") }
        let lunar = LunarDate(year: parts[2], month: parts[1], day: parts[0], isLeapMonth: signature.leap)
        let solar = try CalendarCommand.run { () throws(CalendarError) in try LunarCalendar.solar(from: lunar) }
        context.console.print("\(lunar.display) âm lịch = \(solar.dmy) (\(solar.weekday.nameVi))")
    }
}

extension CalendarCommand {
    static func solar(_ text: String) -> SolarDate? {
        SolarDate(iso: text) ?? SolarDate(dmy: text)
    }

    /// Turns a calendar error into a command failure with both languages.
    static func run<T>(_ body: () throws(CalendarError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CommandFailed(message: "\(error.message.vi) / \(error.message.en)")
        }
    }
}
