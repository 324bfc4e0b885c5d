import SteppeCore
import Testing

@testable import SteppeRendering
@testable import SteppeViewModel

@Suite struct TextFieldViewTests {
    func render(_ field: TextField, width: Int) -> Grid {
        var grid = Grid(size: Size(width: width, height: 1))
        TextFieldView(prompt: "/", field: field, isFocused: true).draw(in: Rect(x: 0, y: 0, width: width, height: 1), into: &grid)
        return grid
    }

    @Test func shortTextShowsWholeWithTheCursorAfterIt() {
        let grid = render(TextField("Душанбе"), width: 20)
        #expect(grid.lines == ["/Душанбе"])
        #expect(grid[8, 0].role == .selection)
        #expect(grid[7, 0].role == .base)
    }

    @Test func longTextScrollsByDisplayColumnsToKeepTheCursorInView() {
        // 霍尔果斯 takes eight columns; the field has eleven after the prompt.
        var field = TextField("Khorgos 霍尔果斯")
        var grid = render(field, width: 12)
        #expect(grid.lines == ["/s 霍尔果斯"])
        #expect(grid[11, 0].role == .selection)
        _ = field.reduce(.home)
        grid = render(field, width: 12)
        #expect(grid.lines == ["/Khorgos 霍"])
        #expect(grid[1, 0].role == .selection)
    }
}
