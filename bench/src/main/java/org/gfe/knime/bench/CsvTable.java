package org.gfe.knime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A numeric CSV table with a quoted header line (the lab tables under tests/data/lab). */
record CsvTable(List<String> columns, double[][] rows) {

    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> columns = new ArrayList<>();
        for (String name : lines.get(0).split(",")) {
            columns.add(name.replace("\"", "").trim());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",");
            double[] row = new double[columns.size()];
            for (int c = 0; c < row.length; c++) {
                String cell = c < cells.length ? cells[c].trim() : "";
                row[c] = cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
            }
            rows.add(row);
        }
        return new CsvTable(columns, rows.toArray(double[][]::new));
    }
}
