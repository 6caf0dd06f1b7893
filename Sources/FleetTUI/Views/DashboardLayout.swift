/// Where everything goes for a screen size: the header row, the Vehicles pane on the left, the four log panes
/// stacked in one box on the right, and the status line. Pure, so navigation (page size) and drawing agree.
public struct DashboardLayout: Hashable, Sendable {
    /// Below this, only the "Terminal too small" message is drawn.
    public static let minimum = ScreenSize(width: 80, height: 24)

    public let size: ScreenSize
    public let header: Rect
    public let status: Rect
    /// The Vehicles pane's box.
    public let vehiclesBox: Rect
    /// The right column's box (all four log panes, or the map).
    public let logsBox: Rect
    /// The map's picture inside the right column's box, when the map is shown.
    public let mapPicture: Rect
    /// The rows under the map's picture: its legend, its counts, and the scale bar with the selection.
    public let mapFooter: Rect
    /// Rows `mapFooter` has.
    public static let mapFooterRows = 3
    /// Per pane: the row its title is drawn on, and the rows its entries use.
    public let titleRows: [Pane: Int]
    public let content: [Pane: Rect]

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    public init(size: ScreenSize) {
        self.size = size
        let w = size.width, h = size.height
        header = Rect(x: 0, y: 0, width: w, height: 1)
        status = Rect(x: 0, y: h - 1, width: w, height: 1)
        let bodyHeight = max(0, h - 2)
        let rightWidth = max(34, w * 2 / 5)
        vehiclesBox = Rect(x: 0, y: 1, width: w - rightWidth, height: bodyHeight)
        logsBox = Rect(x: w - rightWidth, y: 1, width: rightWidth, height: bodyHeight)

        var titleRows: [Pane: Int] = [.vehicles: vehiclesBox.y]
        // One column-heading row under the Vehicles title.
        var content: [Pane: Rect] = [
            .vehicles: Rect(x: vehiclesBox.x + 1, y: vehiclesBox.y + 2, width: vehiclesBox.width - 2,
                            height: vehiclesBox.height - 3),
        ]
        // Four panes share the right box: a title row each (the top border, then separators) and the rest of
        // the rows split evenly, the earlier panes taking any remainder.
        let logPanes: [Pane] = [.rentals, .onlineOffline, .trips, .smoke]
        let usable = max(0, bodyHeight - 1 - logPanes.count)
        var y = logsBox.y
        for (i, pane) in logPanes.enumerated() {
            let rows = usable / logPanes.count + (i < usable % logPanes.count ? 1 : 0)
            titleRows[pane] = y
            content[pane] = Rect(x: logsBox.x + 1, y: y + 1, width: logsBox.width - 2, height: rows)
            y += 1 + rows
        }
        // The map uses the whole box inside its border, its footer at the bottom.
        let inside = Rect(x: logsBox.x + 1, y: logsBox.y + 1, width: logsBox.width - 2, height: logsBox.height - 2)
        let footerRows = min(Self.mapFooterRows, inside.height)
        mapPicture = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - footerRows)
        mapFooter = Rect(x: inside.x, y: mapPicture.maxY, width: inside.width, height: footerRows)
        self.titleRows = titleRows
        self.content = content
    }

    /// The screen area a pane owns (its title row or border included): where a click focuses it.
    public func box(of pane: Pane) -> Rect {
        if pane == .vehicles { return vehiclesBox }
        if pane == .map { return logsBox }
        guard let title = titleRows[pane], let rows = content[pane] else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: logsBox.x, y: title, width: logsBox.width, height: rows.height + 1)
    }

    /// Rows a pane shows at once: its page size.
    public func pageSize(_ pane: Pane) -> Int { max(1, content[pane]?.height ?? 1) }
}
