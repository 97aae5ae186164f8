//! Box-drawing grids on their own: every cell inside its grid, no two cells on one grid position, pieces that hold
//! the cell text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (tables, _) = guihua_parse::read_grids(text);
    for table in tables {
        let columns = table.columns.len() as u32;
        let mut seen = std::collections::HashSet::new();
        for cell in &table.cells {
            assert!(cell.row_span >= 1 && cell.col_span >= 1);
            assert!(cell.row + cell.row_span <= table.rows, "{cell:?} outside {} rows", table.rows);
            assert!(cell.col + cell.col_span <= columns.max(1), "{cell:?} outside {columns} columns");
            for row in cell.row..cell.row + cell.row_span {
                for col in cell.col..cell.col + cell.col_span {
                    assert!(seen.insert((row, col)), "two cells at ({row}, {col})");
                }
            }
            let joined: String = cell.pieces.iter().map(|p| &text[p.start..p.end]).collect();
            assert_eq!(joined, cell.text);
        }
    }
});
