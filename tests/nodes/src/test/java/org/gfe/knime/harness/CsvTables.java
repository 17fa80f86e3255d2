package org.gfe.knime.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/**
 * Reads simple CSV files (header row, comma separated, optional double quotes, no embedded commas in numbers)
 * into tables: a column is numeric if every non-empty value parses as a double, else a string column. Empty
 * values, NA, ? and NaN become missing cells. Row keys are Row0, Row1, ...
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** The tecator spectra shipped in tests/data/lab. */
    public static BufferedDataTable tecator() throws IOException {
        return read(TestData.tecatorCsv());
    }

    public static BufferedDataTable read(final Path csv) throws IOException {
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        final String[] header = split(lines.get(0));
        final List<String[]> values = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            final String[] v = split(lines.get(i));
            if (v.length != header.length) {
                throw new IOException(csv + " line " + (i + 1) + " has " + v.length + " values, the header "
                    + header.length);
            }
            values.add(v);
        }
        final DataType[] types = new DataType[header.length];
        for (int c = 0; c < header.length; c++) {
            types[c] = DoubleCell.TYPE;
            for (String[] v : values) {
                if (!isMissing(v[c]) && !isNumber(v[c])) {
                    types[c] = StringCell.TYPE;
                    break;
                }
            }
        }
        final List<DataCell[]> rows = new ArrayList<>();
        for (String[] v : values) {
            final DataCell[] cells = new DataCell[header.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = isMissing(v[c]) ? DataType.getMissingCell()
                    : types[c] == DoubleCell.TYPE ? new DoubleCell(Double.parseDouble(v[c])) : new StringCell(v[c]);
            }
            rows.add(cells);
        }
        return Tables.of(new DataTableSpec(csv.getFileName().toString(), header, types), rows, null);
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

    private static boolean isMissing(final String v) {
        return v.isEmpty() || v.equals("NA") || v.equals("?") || v.equals("NaN");
    }

    private static boolean isNumber(final String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits one line at commas outside double quotes; quotes are removed ("" inside quotes is a quote). */
    private static String[] split(final String line) {
        final List<String> out = new ArrayList<>();
        final StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString().trim());
        return out.toArray(new String[0]);
    }
}
