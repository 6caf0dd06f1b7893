import FleetCore

/// The lock/unlock confirmation: names the vehicle (id and plate), Cancel focused.
enum DialogView {
    static func render(_ dialog: ConfirmDialog, into grid: inout CellGrid) {
        let size = grid.size
        let width = min(size.width - 2, 50)
        let height = 8
        let box = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        grid.fill(box, style: .dialog)
        Box.draw(box, in: &grid, style: .danger)
        Box.title([("\(dialog.verb) vehicle", .danger)], x: box.x, y: box.y, maxColumns: box.width - 2, in: &grid)
        let plate = dialog.plate.map { " (\($0))" } ?? ""
        grid.put("\(dialog.verb) \(SafeText.sanitize(dialog.vehicleID))\(plate)?", x: box.x + 3, y: box.y + 2,
                 maxColumns: box.width - 6, style: .dialog)
        let cancel = "[ Cancel ]", confirm = "[ \(dialog.verb) ]"
        let buttonsWidth = DisplayWidth.of(cancel) + 3 + DisplayWidth.of(confirm)
        let x = box.x + (box.width - buttonsWidth) / 2
        grid.put(cancel, x: x, y: box.y + 4, style: dialog.focus == .cancel ? .buttonFocus : .button)
        grid.put(confirm, x: x + DisplayWidth.of(cancel) + 3, y: box.y + 4,
                 style: dialog.focus == .confirm ? .buttonFocus : .button)
        grid.put(ModeKeymaps.dialog.hints(separator: " · "), x: box.x + 3, y: box.y + 6, maxColumns: box.width - 6,
                 style: .muted)
    }
}
