package org.gfe.knime.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gfe.knime.testsupport.CsvFile;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/**
 * CSV files ({@link CsvFile}, the tests' one reader) as tables: a column is numeric if every non-missing value parses
 * as a double, else a string column; missing values become missing cells. Row keys are Row0, Row1, ...
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** The tecator spectra shipped in tests/data/lab. */
    public static BufferedDataTable tecator() throws IOException {
        return read(TestData.tecatorCsv());
    }

    public static BufferedDataTable read(final Path csv) throws IOException {
        final CsvFile file = CsvFile.read(csv);
        final String[] header = file.header().toArray(new String[0]);
        final DataType[] types = new DataType[header.length];
        for (int c = 0; c < header.length; c++) {
            types[c] = file.isNumeric(c) ? DoubleCell.TYPE : StringCell.TYPE;
        }
        final List<DataCell[]> rows = new ArrayList<>();
        for (String[] v : file.cells()) {
            final DataCell[] cells = new DataCell[header.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = CsvFile.isMissing(v[c]) ? DataType.getMissingCell()
                    : types[c] == DoubleCell.TYPE ? new DoubleCell(Double.parseDouble(v[c])) : new StringCell(v[c]);
            }
            rows.add(cells);
        }
        return Tables.of(new DataTableSpec(file.name(), header, types), rows, null);
    }

    /** Writes a header and one line per row (numbers as Java prints them, missing cells empty). */
    public static void write(final DataTable table, final Path csv) throws IOException {
        final DataTableSpec spec = table.getDataTableSpec();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            final List<String> header = new ArrayList<>();
            for (String name : spec.getColumnNames()) {
                header.add(quote(name));
            }
            w.write(String.join(",", header));
            w.newLine();
            for (DataRow row : table) {
                final List<String> cells = new ArrayList<>();
                for (DataCell cell : row) {
                    cells.add(cell.isMissing() ? "" : cell instanceof StringCell ? quote(cell.toString()) : cell.toString());
                }
                w.write(String.join(",", cells));
                w.newLine();
            }
        }
    }

    private static String quote(final String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
