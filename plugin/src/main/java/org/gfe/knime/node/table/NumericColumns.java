package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;

/** Finds columns by name in a table spec and checks that they are numeric, naming every one that is not. */
public final class NumericColumns {

    /** At most this many names are spelled out in one message. */
    private static final int NAMES_IN_MESSAGE = 10;

    private NumericColumns() {
    }

    public static boolean isNumeric(DataColumnSpec column) {
        return column.getType().isCompatible(DoubleValue.class);
    }

    /** Names of the numeric columns of the spec, in order. */
    public static List<String> numericNames(DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            if (isNumeric(spec.getColumnSpec(i))) {
                names.add(spec.getColumnSpec(i).getName());
            }
        }
        return names;
    }

    /**
     * Indices of the named columns, which must exist and be numeric.
     *
     * @param role what the columns are, for the message (e.g. "the model's training columns")
     * @param fix what the user should do when columns are missing
     * @throws InvalidSettingsException naming the missing or non-numeric columns
     */
    public static int[] indicesOf(DataTableSpec spec, List<String> names, String role, String fix)
            throws InvalidSettingsException {
        List<String> missing = new ArrayList<>();
        List<String> notNumeric = new ArrayList<>();
        int[] indices = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            indices[i] = spec.findColumnIndex(names.get(i));
            if (indices[i] < 0) {
                missing.add(names.get(i));
            } else if (!isNumeric(spec.getColumnSpec(indices[i]))) {
                notNumeric.add(names.get(i) + " (" + spec.getColumnSpec(indices[i]).getType() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException("The input table lacks " + missing.size() + " of " + names.size() + " "
                    + role + ": " + list(missing) + ". " + fix);
        }
        if (!notNumeric.isEmpty()) {
            throw new InvalidSettingsException("These " + role + " are not numeric in the input table: "
                    + list(notNumeric) + ". Convert them to numbers (e.g. with String to Number) or use a table"
                    + " where they are numeric.");
        }
        return indices;
    }

    /** The names, at most {@value #NAMES_IN_MESSAGE} of them, quoted, with a count of the rest. */
    public static String list(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(NAMES_IN_MESSAGE, names.size()); i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > NAMES_IN_MESSAGE) {
            text.append(" and ").append(names.size() - NAMES_IN_MESSAGE).append(" more");
        }
        return text.toString();
    }
}
