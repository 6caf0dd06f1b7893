import FleetCore

/// `Terminal too small: need 80×24, have 62×18`, and nothing else.
enum TooSmallView {
    static func render(size: ScreenSize, into grid: inout CellGrid) {
        let need = DashboardLayout.minimum
        let lines = ["Terminal too small: need \(need), have \(size)", "enlarge the window, or q to quit"]
        let top = max(0, size.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + i, style: i == 0 ? .statusWarn : .muted)
        }
    }
}
