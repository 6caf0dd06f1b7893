/// A frame's map: the raster and what was counted apart.
public struct MapPicture: Sendable {
    public var raster: MapRaster
    public var counts: MapCounts
}
