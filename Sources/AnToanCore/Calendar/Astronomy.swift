import Foundation

/// New moons, solar longitude and ΔT after Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998).
enum Astronomy {
    /// Julian Ephemeris Day (TT) of the mean new moon with Meeus' lunation number k = 0 (6 Jan 2000).
    static let newMoonEpoch = 2_451_550.097_66
    static let synodicMonth = 29.530_588_861

    /// Instant (JDE, Terrestrial Time) of the true new moon of lunation `k` (Meeus ch. 49).
    static func newMoon(k: Int) -> Double {
        let kd = Double(k)
        let t = kd / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let t4 = t3 * t
        let jde = newMoonEpoch + synodicMonth * kd + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4
        let e = 1 - 0.002_516 * t - 0.000_007_4 * t2
        let m = radians(2.5534 + 29.105_356_70 * kd - 0.000_001_4 * t2 - 0.000_000_11 * t3)
        let mp = radians(
            201.5643 + 385.816_935_28 * kd + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4
        )
        let f = radians(160.7108 + 390.670_502_84 * kd - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4)
        let omega = radians(124.7746 - 1.563_755_88 * kd + 0.002_067_2 * t2 + 0.000_002_15 * t3)
        return jde + periodicTerms(e: e, m: m, mp: mp, f: f, omega: omega) + planetaryTerms(k: kd, t2: t2)
    }

    private static func periodicTerms(e: Double, m: Double, mp: Double, f: Double, omega: Double) -> Double {
        var sum = -0.407_20 * sin(mp)
        sum += 0.172_41 * e * sin(m)
        sum += 0.016_08 * sin(2 * mp)
        sum += 0.010_39 * sin(2 * f)
        sum += 0.007_39 * e * sin(mp - m)
        sum -= 0.005_14 * e * sin(mp + m)
        sum += 0.002_08 * e * e * sin(2 * m)
        sum -= 0.001_11 * sin(mp - 2 * f)
        sum -= 0.000_57 * sin(mp + 2 * f)
        sum += 0.000_56 * e * sin(2 * mp + m)
        sum -= 0.000_42 * sin(3 * mp)
        sum += 0.000_42 * e * sin(m + 2 * f)
        sum += 0.000_38 * e * sin(m - 2 * f)
        sum -= 0.000_24 * e * sin(2 * mp - m)
        sum -= 0.000_17 * sin(omega)
        sum -= 0.000_07 * sin(mp + 2 * m)
        sum += 0.000_04 * sin(2 * mp - 2 * f)
        sum += 0.000_04 * sin(3 * m)
        sum += 0.000_03 * sin(mp + m - 2 * f)
        sum += 0.000_03 * sin(2 * mp + 2 * f)
        sum -= 0.000_03 * sin(mp + m + 2 * f)
        sum += 0.000_03 * sin(mp - m + 2 * f)
        sum -= 0.000_02 * sin(mp - m - 2 * f)
        sum -= 0.000_02 * sin(3 * mp + m)
        sum += 0.000_02 * sin(4 * mp)
        return sum
    }

    /// The fourteen planetary arguments A1...A14 of Meeus ch. 49: (constant, rate per lunation, amplitude in days).
    private static let planetaryArguments: [(Double, Double, Double)] = [
        (299.77, 0.107_408, 0.000_325),
        (251.88, 0.016_321, 0.000_165),
        (251.83, 26.651_886, 0.000_164),
        (349.42, 36.412_478, 0.000_126),
        (84.66, 18.206_239, 0.000_110),
        (141.74, 53.303_771, 0.000_062),
        (207.14, 2.453_732, 0.000_060),
        (154.84, 7.306_860, 0.000_056),
        (34.52, 27.261_239, 0.000_047),
        (207.19, 0.121_824, 0.000_042),
        (291.34, 1.844_379, 0.000_040),
        (161.72, 24.198_154, 0.000_037),
        (239.56, 25.513_099, 0.000_035),
        (331.55, 3.592_518, 0.000_023),
    ]

    private static func planetaryTerms(k: Double, t2: Double) -> Double {
        var sum = 0.0
        for (index, (constant, rate, amplitude)) in planetaryArguments.enumerated() {
            // Only A1 carries a quadratic term.
            let argument = constant + rate * k - (index == 0 ? 0.009_173 * t2 : 0)
            sum += amplitude * sin(radians(argument))
        }
        return sum
    }

    /// Apparent geocentric longitude of the Sun in degrees [0, 360) at JDE (TT).
    /// Meeus ch. 25 with the main planetary and lunar perturbations and ch. 22 nutation; within about 0.004° (6 minutes of time) of a full ephemeris over 1900–2200.
    static func sunLongitude(jde: Double) -> Double {
        let t = (jde - 2_451_545.0) / 36_525
        let l0 = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t
        let m = radians(357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t)
        let center =
            (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin(m) + (0.019_993 - 0.000_101 * t) * sin(2 * m)
            + 0.000_289 * sin(3 * m)
        let perturbations = sunPerturbations(t: t)
        let omega = radians(125.04452 - 1934.136_261 * t)
        let meanMoon = radians(218.3165 + 481_267.8813 * t)
        let nutation =
            (-17.20 * sin(omega) - 1.32 * sin(2 * radians(l0)) - 0.23 * sin(2 * meanMoon)
                + 0.21 * sin(2 * omega)) / 3600
        let eccentricity = 0.016_708_634 - 0.000_042_037 * t
        let trueAnomaly = m + radians(center)
        let radius = 1.000_001_018 * (1 - eccentricity * eccentricity) / (1 + eccentricity * cos(trueAnomaly))
        let aberration = -20.4898 / 3600 / radius
        return normalized(l0 + center + perturbations + nutation + aberration)
    }

    /// Largest periodic perturbations of the Sun's longitude (Venus, Jupiter, the Moon), in degrees.
    private static func sunPerturbations(t: Double) -> Double {
        // Arguments from Meeus' "Astronomical Formulae for Calculators" use centuries from 1900.0.
        let t1900 = t + 1
        let a = radians(153.23 + 22_518.7541 * t1900)
        let b = radians(216.57 + 45_037.5082 * t1900)
        let c = radians(312.69 + 32_964.3577 * t1900)
        let d = radians(350.74 + 445_267.1142 * t1900 - 0.001_44 * t1900 * t1900)
        let e = radians(231.19 + 20.20 * t1900)
        return 0.001_34 * cos(a) + 0.001_54 * cos(b) + 0.002_00 * cos(c) + 0.001_79 * sin(d) + 0.001_78 * sin(e)
    }

    /// ΔT = TT − UT in seconds (Espenak & Meeus polynomials, 2006), for a decimal year.
    static func deltaT(year y: Double) -> Double {
        switch y {
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251_754 * t * t + 0.016_806_68 * pow(t, 3) - 0.000_447_362_4 * pow(t, 4)
                + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494_119 * t - 0.059_893_9 * t * t + 0.006_196_6 * pow(t, 3) - 0.000_197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.844_93 * t - 0.076_100 * t * t + 0.002_093_6 * pow(t, 3)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + pow(t, 3) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - pow(t, 3) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060_374 * t * t + 0.001_727_5 * pow(t, 3) + 0.000_651_814 * pow(t, 4)
                + 0.000_023_735_99 * pow(t, 5)
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.322_17 * t + 0.005_589 * t * t
        case ..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }

    /// ΔT in days for an instant given as a Julian Day.
    static func deltaTDays(jd: Double) -> Double {
        deltaT(year: 2000 + (jd - 2_451_545.0) / 365.25) / 86_400
    }

    static func radians(_ degrees: Double) -> Double {
        degrees.truncatingRemainder(dividingBy: 360) * .pi / 180
    }

    static func normalized(_ degrees: Double) -> Double {
        let value = degrees.truncatingRemainder(dividingBy: 360)
        return value < 0 ? value + 360 : value
    }
}
