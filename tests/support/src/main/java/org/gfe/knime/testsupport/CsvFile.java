package org.gfe.knime.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simple CSV file (header line, commas, optional double quotes with "" for a quote inside, no line breaks in
 * cells), as the lab tables under tests/data/lab and ../shared/data/lab are written. Cells stay text; a column is
 * numeric if every non-missing cell parses as a double. Empty cells, NA, ? and NaN are missing. The one CSV reader
 * of the tests and the benchmarks.
 *
 * @param name the file name
 * @param header the column names
 * @param cells one array of cells per data line, as wide as the header
 */
public record CsvFile(String name, List<String> header, List<String[]> cells) {

    public CsvFile {
        header = List.copyOf(header);
        cells = List.copyOf(cells);
    }

    /**
     * Reads a file.
     *
     * @throws IOException if it cannot be read, is empty, or a line's width differs from the header's
     */
    public static CsvFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        String[] header = split(lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] row = split(lines.get(i));
            if (row.length != header.length) {
                throw new IOException(file + " line " + (i + 1) + " has " + row.length + " values, the header "
                        + header.length);
            }
            rows.add(row);
        }
        return new CsvFile(file.getFileName().toString(), Arrays.asList(header), rows);
    }

    /** Number of data lines. */
    public int rowCount() {
        return cells.size();
    }

    /** Whether every non-missing cell of the column parses as a double. */
    public boolean isNumeric(int column) {
        for (String[] row : cells) {
            if (!isMissing(row[column]) && !isNumber(row[column])) {
                return false;
            }
        }
        return true;
    }

    /** The names of the numeric columns, in order, leaving out those named in {@code excluded}. */
    public List<String> numericColumns(String... excluded) {
        List<String> skip = Arrays.asList(excluded);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (isNumeric(c) && !skip.contains(header.get(c))) {
                names.add(header.get(c));
            }
        }
        return names;
    }

    /** The named (numeric) columns as a matrix, one row per data line; missing cells are NaN. */
    public double[][] numbers(List<String> columns) {
        int[] index = new int[columns.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = header.indexOf(columns.get(j));
            if (index[j] < 0) {
                throw new IllegalArgumentException(name + " has no column '" + columns.get(j) + "'");
            }
        }
        double[][] values = new double[cells.size()][index.length];
        for (int m = 0; m < values.length; m++) {
            for (int j = 0; j < index.length; j++) {
                String cell = cells.get(m)[index[j]];
                values[m][j] = isMissing(cell) ? Double.NaN : Double.parseDouble(cell);
            }
        }
        return values;
    }

    /** Empty, NA, ? and NaN. */
    public static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("NA") || cell.equals("?") || cell.equals("NaN");
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits one line at commas outside double quotes; quotes are removed ("" inside quotes is a quote). */
    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        out.add(current.toString().trim());
        return out.toArray(new String[0]);
    }
}
