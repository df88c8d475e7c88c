import AnToanCore
import Testing

@Suite("Routing")
struct RoutingTests {
    let commune = AreaPath("/99/99001/")!

    @Test("a path's lineage runs from the root down to itself")
    func lineage() {
        #expect(commune.lineage.map(\.value) == ["/99/", "/99/99001/"])
        #expect(commune.parent?.value == "/99/")
        #expect(AreaPath("/99/")?.parent == nil)
    }

    @Test("the deepest area wins, then a rule naming the unit kind; rules elsewhere never apply")
    func choose() {
        // given
        let anywhere = Routing.Candidate(id: 1, areaPath: nil, unitKind: nil)
        let province = Routing.Candidate(id: 2, areaPath: AreaPath("/99/"), unitKind: nil)
        let provinceSchools = Routing.Candidate(id: 3, areaPath: AreaPath("/99/"), unitKind: "school")
        let otherCommune = Routing.Candidate(id: 4, areaPath: AreaPath("/99/99002/"), unitKind: nil)
        let all = [anywhere, province, provinceSchools, otherCommune]
        // then
        #expect(Routing.choose(all, unitKind: "school", in: commune) == 3)
        #expect(Routing.choose(all, unitKind: "agency", in: commune) == 2)
        #expect(Routing.choose([anywhere, otherCommune], unitKind: "agency", in: commune) == 1)
        #expect(Routing.choose([otherCommune], unitKind: "agency", in: commune) == nil)
    }

    @Test("following reports_to stops at the top and before a loop comes round")
    func follow() async {
        let up: [String: String] = ["xa": "tinh", "tinh": "bo"]
        #expect(await Routing.follow(from: "xa") { up[$0] } == ["xa", "tinh", "bo"])
        let loop: [String: String] = ["a": "b", "b": "c", "c": "a"]
        #expect(await Routing.follow(from: "a") { loop[$0] } == ["a", "b", "c"])
        #expect(await Routing.wouldLoop("bo", reportingTo: "xa") { up[$0] })
        #expect(await Routing.wouldLoop("xa", reportingTo: "xa") { up[$0] })
        #expect(!(await Routing.wouldLoop("xa", reportingTo: "bo") { up[$0] }))
    }
}
