package org.gfe.knime.it.driver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Reads a numeric CSV file with a header (the tecator table) into a table: rows {@code first_row} (inclusive) to
 * {@code end_row} (exclusive, -1 = all), keys "Row&lt;index in the file&gt;"; only the {@code columns} named (comma
 * separated; empty = all); as string cells when {@code as_strings}; with the first selected cell of every
 * {@code missing_every}-th row missing (0 = none).
 */
public final class TableSourceNodeModel extends NodeModel {

    static final String CSV = "csv";
    static final String FIRST_ROW = "first_row";
    static final String END_ROW = "end_row";
    static final String COLUMNS = "columns";
    static final String AS_STRINGS = "as_strings";
    static final String MISSING_EVERY = "missing_every";

    /** The tecator table by default, so that a fresh node configures before its settings are set. */
    private String csv = System.getProperty("gfe.tecator.csv", "");
    private int firstRow;
    private int endRow = -1;
    private String columns = "";
    private boolean asStrings;
    private int missingEvery;

    TableSourceNodeModel() {
        super(0, 1);
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        try {
            return new DataTableSpec[] {spec(header())};
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private String[] header() throws IOException, InvalidSettingsException {
        if (csv.isEmpty()) {
            throw new InvalidSettingsException("No CSV file set.");
        }
        try (var lines = Files.lines(Path.of(csv), StandardCharsets.UTF_8)) {
            return split(lines.findFirst().orElseThrow(() -> new IOException("empty file")));
        }
    }

    private int[] selected(String[] header) throws InvalidSettingsException {
        if (columns.isBlank()) {
            int[] all = new int[header.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        List<String> names = Arrays.asList(header);
        String[] wanted = columns.split(",");
        int[] indices = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            indices[i] = names.indexOf(wanted[i].trim());
            if (indices[i] < 0) {
                throw new InvalidSettingsException("No column '" + wanted[i].trim() + "' in " + csv);
            }
        }
        return indices;
    }

    private DataTableSpec spec(String[] header) throws InvalidSettingsException {
        List<DataColumnSpec> specs = new ArrayList<>();
        for (int index : selected(header)) {
            DataType type = asStrings ? StringCell.TYPE : DoubleCell.TYPE;
            specs.add(new DataColumnSpecCreator(header[index], type).createSpec());
        }
        return new DataTableSpec("table", specs.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8);
        String[] header = split(lines.get(0));
        int[] selected = selected(header);
        BufferedDataContainer out = exec.createDataContainer(spec(header));
        int end = endRow < 0 ? lines.size() - 1 : Math.min(endRow, lines.size() - 1);
        for (int row = firstRow; row < end; row++) {
            exec.checkCanceled();
            String[] values = split(lines.get(row + 1));
            DataCell[] cells = new DataCell[selected.length];
            for (int c = 0; c < selected.length; c++) {
                String value = values[selected[c]];
                boolean missing = c == 0 && missingEvery > 0 && row % missingEvery == 0;
                cells[c] = missing ? DataType.getMissingCell()
                        : asStrings ? new StringCell(value) : new DoubleCell(Double.parseDouble(value));
            }
            out.addRowToTable(new DefaultRow(new RowKey("Row" + row), cells));
        }
        out.close();
        return new BufferedDataTable[] {out.getTable()};
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            parts[i] = part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")
                    ? part.substring(1, part.length() - 1) : part;
        }
        return parts;
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO settings) {
        settings.addString(CSV, csv);
        settings.addInt(FIRST_ROW, firstRow);
        settings.addInt(END_ROW, endRow);
        settings.addString(COLUMNS, columns);
        settings.addBoolean(AS_STRINGS, asStrings);
        settings.addInt(MISSING_EVERY, missingEvery);
    }

    @Override
    protected void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(CSV);
        settings.getInt(FIRST_ROW);
        settings.getInt(END_ROW);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        csv = settings.getString(CSV);
        firstRow = settings.getInt(FIRST_ROW);
        endRow = settings.getInt(END_ROW);
        columns = settings.getString(COLUMNS, "");
        asStrings = settings.getBoolean(AS_STRINGS, false);
        missingEvery = settings.getInt(MISSING_EVERY, 0);
    }

    @Override
    protected void reset() {
    }

    @Override
    protected void loadInternals(File dir, ExecutionMonitor exec) {
    }

    @Override
    protected void saveInternals(File dir, ExecutionMonitor exec) {
    }
}
