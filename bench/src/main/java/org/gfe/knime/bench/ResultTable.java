package org.gfe.knime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table of measured figures, written as CSV (with a provenance header) and printed as Markdown. */
final class ResultTable {

    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    ResultTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(title + ": " + values.length + " values for " + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(format(value));
        }
        rows.add(row);
        return this;
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.4g", d)
                    : String.format(Locale.ROOT, a < 10 ? "%.4f" : "%.1f", d);
        }
        return String.valueOf(value);
    }

    void writeCsv(Path file, Provenance provenance) {
        StringBuilder out = new StringBuilder();
        for (String line : provenance.lines()) {
            out.append("# ").append(line).append('\n');
        }
        out.append("# ").append(title).append('\n');
        out.append(String.join(",", columns)).append('\n');
        for (List<String> row : rows) {
            out.append(String.join(",", row)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder out = new StringBuilder("**").append(title).append("**\n\n| ")
                .append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }
}
