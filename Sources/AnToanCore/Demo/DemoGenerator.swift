/// Generates the fictional tỉnh Sơn Hà for `antoan demo` and benchmarks; same arguments, same province.
public enum DemoGenerator {
    /// - Parameters:
    ///   - communes: communes, wards and (from ten on) one special zone below the province.
    ///   - units: top-level units; their departments come on top as units with a `parentCode`.
    ///   - staff: total staff, spread so that every top-level unit has at least five when the total allows it.
    ///   - today: the reference day for certificates, terms and equipment checks.
    public static func province(
        seed: UInt64 = 2026,
        communes: Int = 12,
        units: Int = 40,
        staff: Int = 600,
        today: SolarDate
    ) -> DemoProvince {
        var builder = Builder(seed: seed, today: today)
        builder.addAreas(count: max(0, communes))
        builder.addBodies()
        builder.addUnits(count: max(0, units))
        builder.addStaff(total: max(0, staff))
        return DemoProvince(areas: builder.areas, bodies: builder.bodies, units: builder.units, staff: builder.staff)
    }
}

/// A commune-level area as the generator needs it.
struct DemoCommune: Sendable {
    var code: String
    var shortName: String
    var kind: AreaKind

    /// The lower-case level word used inside names: "Công an phường Hà Thanh".
    var level: String {
        switch kind {
        case .ward: "phường"
        case .specialZone: "đặc khu"
        case .province: "tỉnh"
        default: "xã"
        }
    }

    var inline: String { "\(level) \(shortName)" }

    var title: String {
        switch kind {
        case .ward: "Phường \(shortName)"
        case .specialZone: "Đặc khu \(shortName)"
        case .province: "Tỉnh \(shortName)"
        default: "Xã \(shortName)"
        }
    }
}

extension DemoGenerator {
    /// Accumulates the province; a value type used by one call only, so there is no shared mutable state.
    struct Builder {
        let seed: UInt64
        let today: SolarDate
        var areas: [DemoArea] = []
        var communes: [DemoCommune] = []
        var bodies: [DemoBody] = []
        var units: [DemoUnit] = []
        var plans: [UnitPlan] = []
        var staff: [DemoStaff] = []
        var usedNames: Set<String> = []
        var usedDomains: Set<String> = []
        var usedEmails: Set<String> = []
        var guardSerial = 0
        var selfDefenceSerial = 0
        /// Offsets of the injective number maps, drawn from the seed so each seed numbers people differently.
        let unitPhoneOffset: Int
        let staffPhoneOffset: Int
        let identityOffset: Int

        init(seed: UInt64, today: SolarDate) {
            self.seed = seed
            self.today = today
            var random = DemoRandom(seed: seed, stream: 3)
            unitPhoneOffset = random.below(1_000_000)
            staffPhoneOffset = random.below(10_000_000)
            identityOffset = random.below(1_000_000)
        }

        var provinceTitle: String { "tỉnh \(UnitCatalog.provinceName)" }

        mutating func addAreas(count: Int) {
            let province = UnitCatalog.provinceCode
            areas.append(
                DemoArea(code: province, name: "Tỉnh \(UnitCatalog.provinceName)", kind: .province, parentCode: nil)
            )
            let names = UnitCatalog.communeNames
            for index in 0..<count {
                var kind: AreaKind = index % 3 == 0 ? .ward : .commune
                var name = names[index % names.count]
                if index >= names.count { name += " \(index / names.count + 1)" }
                // Since July 2025 island districts became special zones; one is enough to show the kind.
                if count >= 10 && index == count - 1 {
                    kind = .specialZone
                    name = UnitCatalog.specialZoneName
                }
                let commune = DemoCommune(code: province + DemoFormat.pad(index + 1, 3), shortName: name, kind: kind)
                communes.append(commune)
                areas.append(DemoArea(code: commune.code, name: commune.title, kind: kind, parentCode: province))
            }
        }

        mutating func addBodies() {
            let province = UnitCatalog.provinceCode
            let name = UnitCatalog.provinceName
            bodies.append(
                DemoBody(code: "CA-\(province)", name: "Công an tỉnh \(name)", kind: .police, areaCode: province)
            )
            bodies.append(
                DemoBody(
                    code: "BCHQS-\(province)",
                    name: "Bộ Chỉ huy Quân sự tỉnh \(name)",
                    kind: .militaryCommand,
                    areaCode: province
                )
            )
            bodies.append(
                DemoBody(
                    code: "UBND-\(province)",
                    name: "Ủy ban nhân dân tỉnh \(name)",
                    kind: .peoplesCommittee,
                    areaCode: province
                )
            )
            for commune in communes {
                bodies.append(
                    DemoBody(
                        code: "CA-\(commune.code)",
                        name: "Công an \(commune.inline)",
                        kind: .police,
                        areaCode: commune.code
                    )
                )
                bodies.append(
                    DemoBody(
                        code: "UBND-\(commune.code)",
                        name: "Ủy ban nhân dân \(commune.inline)",
                        kind: .peoplesCommittee,
                        areaCode: commune.code
                    )
                )
            }
        }

        /// Tries a few fresh draws before numbering a duplicate ("… số 2"), so big provinces keep readable names.
        mutating func uniqueName(_ random: inout DemoRandom, _ make: (inout DemoRandom) -> String) -> String {
            var candidate = make(&random)
            for _ in 0..<3 where usedNames.contains(candidate) { candidate = make(&random) }
            var name = candidate
            var number = 2
            while !usedNames.insert(name).inserted {
                name = "\(candidate) số \(number)"
                number += 1
            }
            return name
        }

        mutating func uniqueDomain(_ label: String, _ suffix: String) -> String {
            var domain = "\(label).\(suffix)"
            var number = 2
            while !usedDomains.insert(domain).inserted {
                domain = "\(label)\(number).\(suffix)"
                number += 1
            }
            return domain
        }

        mutating func uniqueEmail(_ mailbox: String, _ domain: String) -> String {
            var email = "\(mailbox)@\(domain)"
            var number = 2
            while !usedEmails.insert(email).inserted {
                email = "\(mailbox)\(number)@\(domain)"
                number += 1
            }
            return email
        }
    }
}
