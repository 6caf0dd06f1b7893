import FleetCore
import Foundation
import Testing
@testable import FleetTUI

/// The map's pure arithmetic: projection, braille packing, fit / zoom / pan, scale bar.
@Suite struct MapArithmeticTests {
    // MARK: Projection

    /// Web Mercator against the slippy-map tiles every web map uses: Berlin's centre is in tile 550/335 at zoom
    /// 10, the equator on the prime meridian is the middle of the square.
    @Test func projectionMatchesKnownTiles() throws {
        let berlin = try #require(WorldPoint(Position(lat: 52.5200, lon: 13.4050)))
        #expect(Int(berlin.x * 1024) == 550)
        #expect(Int(berlin.y * 1024) == 335)
        let origin = try #require(WorldPoint(Position(lat: 0, lon: 0)))
        #expect(abs(origin.x - 0.5) < 1e-12 && abs(origin.y - 0.5) < 1e-12)
        // Sydney: tile 942/614 at zoom 10.
        let sydney = try #require(WorldPoint(Position(lat: -33.8688, lon: 151.2093)))
        #expect(Int(sydney.x * 1024) == 942)
        #expect(Int(sydney.y * 1024) == 614)
        // And back.
        #expect(abs(berlin.latitude - 52.52) < 1e-9 && abs(berlin.longitude - 13.405) < 1e-9)
    }

    /// A city's bounding box fitted into a picture lands on the picture's corners: its north-west corner on the
    /// top-left dot, its south-east on the bottom-right, east to the right and north up.
    @Test func cityBoundingBoxMapsToThePicturesCorners() throws {
        let northWest = try #require(WorldPoint(Position(lat: 52.6755, lon: 13.0884)))
        let southEast = try #require(WorldPoint(Position(lat: 52.3383, lon: 13.7611)))
        let bounds = try #require(MapBounds.of([northWest, southEast]))
        // A picture whose shape matches the box's, so that both axes fill it.
        let height = 80
        let aspect = (bounds.maxX - bounds.minX) / (bounds.maxY - bounds.minY)
        let width = Int((Double(height - 1) * aspect).rounded()) + 1
        let size = DotSize(width: width, height: height)
        let view = MapViewport.fitting(bounds, in: size)
        let nw = try #require(view.dot(for: northWest, in: size))
        let se = try #require(view.dot(for: southEast, in: size))
        #expect(nw.x <= 1 && nw.y <= 1, "north-west at \(nw)")
        #expect(se.x >= width - 2 && se.y >= height - 2, "south-east at \(se) of \(width)×\(height)")
        // Which way is east, which is north.
        func dot(_ lat: Double, _ lon: Double) throws -> (x: Int, y: Int) {
            let point = try #require(WorldPoint(Position(lat: lat, lon: lon)))
            return try #require(view.dot(for: point, in: size))
        }
        let centre = try dot(52.52, 13.40), east = try dot(52.52, 13.50), north = try dot(52.60, 13.40)
        #expect(east.x > centre.x && east.y == centre.y)
        #expect(north.y < centre.y && north.x == centre.x)
    }

    /// Shapes are kept: 1 km east and 1 km north come out the same number of dots from the centre (at 52° N, an
    /// equirectangular map without cos(latitude) would make the east one 1.6 times shorter).
    @Test func projectionKeepsShapes() throws {
        let centre = Position(lat: 52.52, lon: 13.405)
        let kmNorth = Position(lat: 52.52 + 1 / 111.32, lon: 13.405)
        let kmEast = Position(lat: 52.52, lon: 13.405 + 1 / (111.32 * cos(52.52 * .pi / 180)))
        let c = try #require(WorldPoint(centre)), n = try #require(WorldPoint(kmNorth))
        let e = try #require(WorldPoint(kmEast))
        let ratio = (e.x - c.x) / (c.y - n.y)
        #expect(abs(ratio - 1) < 0.01, "east/north = \(ratio)")
    }

    @Test func impossibleCoordinatesAreNotProjected() {
        for (lat, lon) in [(90.5, 0.0), (-91, 0), (0, 180.5), (0, -181), (.nan, 0), (0, .infinity), (1e400, 0)] {
            #expect(WorldPoint(Position(lat: lat, lon: lon)) == nil, "\(lat), \(lon)")
        }
        // Possible, even if beyond Mercator's edge: drawn on the edge.
        #expect(WorldPoint(Position(lat: 90, lon: 180))?.y == 0)
        #expect(WorldPoint(Position(lat: -90, lon: -180))?.x == 0)
    }

    // MARK: Braille

    /// Each dot to its bit: dots 1 2 3 down the left column, 4 5 6 down the right, 7 and 8 at the bottom.
    @Test func brailleDotsPackToTheirBits() {
        let expected: [(column: Int, row: Int, scalar: UInt32)] = [
            (0, 0, 0x2801), (0, 1, 0x2802), (0, 2, 0x2804), (1, 0, 0x2808),
            (1, 1, 0x2810), (1, 2, 0x2820), (0, 3, 0x2840), (1, 3, 0x2880),
        ]
        for dot in expected {
            let character = Braille.character(Braille.bit(column: dot.column, row: dot.row))
            #expect(character.unicodeScalars.first?.value == dot.scalar, "dot at \(dot.column),\(dot.row)")
        }
        #expect(Braille.character(0) == "\u{2800}")
        #expect(Braille.character(Braille.full) == "⣿")
        // A raster of one cell: the dots raised are the dots counted.
        var raster = MapRaster(columns: 1, rows: 1)
        raster.add(dotX: 1, dotY: 3, status: .online)
        raster.add(dotX: 0, dotY: 0, status: .online)
        #expect(raster.cell(column: 0, row: 0).pattern == 0x81)
        raster.remove(dotX: 0, dotY: 0, status: .online)
        #expect(raster.cell(column: 0, row: 0).pattern == 0x80)
    }

    // MARK: Colour priority

    /// A cell takes its most important vehicle's status: smoke over offline over in rental over online, and any
    /// current status over a stale position.
    @Test func cellTakesItsMostImportantStatus() {
        let ladder: [MapStatus] = [.stale, .unknown, .online, .inRental, .offline, .smoke]
        for (i, top) in ladder.enumerated() {
            var raster = MapRaster(columns: 2, rows: 1)
            // Everything up to `top`, in a shuffled order, into the cell at column 1.
            for (j, status) in ladder.prefix(i + 1).reversed().enumerated() {
                raster.add(dotX: 2 + j % 2, dotY: j % 4, status: status)
            }
            #expect(raster.cell(column: 1, row: 0).top == top)
            #expect(raster.cell(column: 1, row: 0).count == i + 1)
            #expect(raster.cell(column: 0, row: 0).top == nil)
        }
        var raster = MapRaster(columns: 1, rows: 1)
        raster.add(dotX: 0, dotY: 0, status: .smoke)
        raster.add(dotX: 0, dotY: 0, status: .online)
        raster.remove(dotX: 0, dotY: 0, status: .smoke)
        #expect(raster.cell(column: 0, row: 0).top == .online, "the smoke left the cell")
        #expect(MapStatus.smoke.slot == .smoke && MapStatus.offline.slot == .offline)
        #expect(MapStatus.inRental.slot == .inRental && MapStatus.online.slot == .online)
    }

    // MARK: Fit, zoom, pan

    @Test func fitZoomAndPanArithmetic() throws {
        let size = DotSize(width: 100, height: 60)
        let bounds = MapBounds.of([WorldPoint(x: 0.50, y: 0.30), WorldPoint(x: 0.51, y: 0.302)])!
        let fitted = MapViewport.fitting(bounds, in: size)
        #expect(abs(fitted.centre.x - 0.505) < 1e-12 && abs(fitted.centre.y - 0.301) < 1e-12)
        #expect(abs(fitted.unitsPerDot - 0.01 / 99) < 1e-15, "the wider side decides")
        // Zoom keeps the centre and halves / doubles the scale.
        let inner = fitted.zoomed(by: 1)
        #expect(inner.centre == fitted.centre && abs(inner.unitsPerDot - fitted.unitsPerDot / 2) < 1e-18)
        #expect(abs(fitted.zoomed(by: -2).unitsPerDot - fitted.unitsPerDot * 4) < 1e-15)
        // (Points sit in the middle of a dot, away from rounding at its edges.) 10.5 dots east of the centre is
        // 21 dots east after zooming in.
        let east = WorldPoint(x: fitted.centre.x + 10.5 * fitted.unitsPerDot, y: fitted.centre.y)
        #expect(fitted.dot(for: east, in: size)?.x == 60)
        #expect(inner.dot(for: east, in: size)?.x == 71)
        // Pan east by 25 dots: the same point is 25 dots further left.
        let panned = fitted.panned(dotsEast: 25, dotsSouth: 0)
        #expect(panned.dot(for: east, in: size)?.x == 35)
        let below = WorldPoint(x: fitted.centre.x, y: fitted.centre.y + 0.5 * fitted.unitsPerDot)
        #expect(fitted.dot(for: below, in: size)?.y == 30)
        #expect(fitted.panned(dotsEast: 0, dotsSouth: 10).dot(for: below, in: size)?.y == 20)
        // Centring puts a point on the middle dot.
        let target = WorldPoint(x: 0.502, y: 0.3015)
        #expect(fitted.centred(on: target).dot(for: target, in: size).map { [$0.x, $0.y] } == [50, 30])
        // Limits: zoom and pan stop at the ends of the world.
        #expect(fitted.zoomed(by: 100).unitsPerDot == MapViewport.minimumUnitsPerDot)
        #expect(fitted.zoomed(by: -100).unitsPerDot == MapViewport.maximumUnitsPerDot)
        #expect(fitted.panned(dotsEast: Int.max / 2, dotsSouth: 0).centre.x == 1)
        // One point: a small area around it, not a zero-size view.
        let single = MapViewport.fitting(MapBounds(WorldPoint(x: 0.5, y: 0.3)), in: size)
        #expect(single.unitsPerDot == MapViewport.smallestFitSpan / 100)
    }

    @Test func dotsOutsideThePictureAreNone() {
        let view = MapViewport(centre: WorldPoint(x: 0.5, y: 0.5), unitsPerDot: 0.001)
        let size = DotSize(width: 10, height: 8)
        #expect(view.dot(for: WorldPoint(x: 0.5 - 0.0045, y: 0.5 - 0.0035), in: size).map { [$0.x, $0.y] } == [0, 0])
        #expect(view.dot(for: WorldPoint(x: 0.5 + 0.0045, y: 0.5 + 0.0035), in: size).map { [$0.x, $0.y] } == [9, 7])
        #expect(view.dot(for: WorldPoint(x: 0.5 + 0.0052, y: 0.5), in: size) == nil, "beyond the right edge")
        #expect(view.dot(for: WorldPoint(x: 0.5 - 0.0051, y: 0.5), in: size) == nil)
        #expect(view.dot(for: WorldPoint(x: 0.5, y: 0.5 + 0.0041), in: size) == nil, "below the bottom")
        #expect(view.dot(for: WorldPoint(x: .nan, y: 0.5), in: size) == nil)
        #expect(view.dot(for: WorldPoint(x: 1e300, y: 0.5), in: size) == nil)
    }

    @Test func scaleBarIsARoundDistance() throws {
        let a = try #require(ScaleBar(metresPerCell: 130, maxCells: 10))  // 1,300 m at most: 1 km
        #expect(a.label == "1 km" && a.cells == 8)
        let b = try #require(ScaleBar(metresPerCell: 45, maxCells: 12))  // 540 m at most: 500 m
        #expect(b.label == "500 m" && b.cells == 11)
        let c = try #require(ScaleBar(metresPerCell: 2_500, maxCells: 10))  // 25 km: 20 km
        #expect(c.label == "20 km" && c.cells == 8)
        let d = try #require(ScaleBar(metresPerCell: 0.04, maxCells: 10))
        #expect(d.label == "0.2 m" && d.cells == 5)
        #expect(ScaleBar(metresPerCell: .nan, maxCells: 10) == nil)
        #expect(ScaleBar(metresPerCell: 0, maxCells: 10) == nil)
    }

    @Test func clockStepsDownToTenSeconds() {
        #expect(MapState.steppedClock(Timestamp(microseconds: 12_345_678_901)).microseconds == 12_340_000_000)
        #expect(MapState.steppedClock(Timestamp(microseconds: -1)).microseconds == -10_000_000)
    }
}
