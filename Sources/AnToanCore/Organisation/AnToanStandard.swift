/// Which units the yearly "An toàn về an ninh, trật tự" standard applies to
/// (small and micro enterprises, primary schools, kindergartens and nurseries are outside it).
public enum AnToanStandard {
    public static func applies(kind: UnitKind, size: EnterpriseSize?, level: SchoolLevel?) -> Bool {
        switch kind {
        case .enterprise:
            guard let size else { return true }
            return size == .medium || size == .large
        case .school:
            guard let level else { return true }
            return ![.nursery, .kindergarten, .primary].contains(level)
        case .agency, .communeCommittee, .bank, .other:
            return true
        }
    }
}
