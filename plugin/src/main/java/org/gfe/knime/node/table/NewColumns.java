package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;

/**
 * Columns a node appends, named as KNIME's own nodes do: a wanted name that the table (or an earlier new column)
 * already has gets a unique one from {@link DataTableSpec#getUniqueColumnName} ("z1 (#1)"), instead of failing. The
 * renamings are kept, for the node's warning.
 */
public final class NewColumns {

    private DataTableSpec taken;
    private final List<DataColumnSpec> columns = new ArrayList<>();
    private final List<String> renamed = new ArrayList<>();

    /** @param input the table the columns are appended to */
    public NewColumns(DataTableSpec input) {
        this.taken = input;
    }

    /** Adds a column named {@code wanted}, or a unique variant of it; returns the name given. */
    public String add(String wanted, DataType type) {
        String name = DataTableSpec.getUniqueColumnName(taken, wanted);
        DataColumnSpec column = new DataColumnSpecCreator(name, type).createSpec();
        columns.add(column);
        taken = new DataTableSpec(taken, new DataTableSpec(column));
        if (!name.equals(wanted)) {
            renamed.add("'" + wanted + "' as '" + name + "'");
        }
        return name;
    }

    /** The columns, in the order added. */
    public DataColumnSpec[] columns() {
        return columns.toArray(new DataColumnSpec[0]);
    }

    /** "'z1' as 'z1 (#1)', ..." for each column that could not get its wanted name; empty if none. */
    public List<String> renamed() {
        return List.copyOf(renamed);
    }

    /** A sentence on the renamed columns for a warning, or null if none was renamed. */
    public String renamedWarning() {
        if (renamed.isEmpty()) {
            return null;
        }
        return "The input table already has columns with the names of " + renamed.size() + " new column(s), so they"
                + " are appended under unique names: " + String.join(", ", renamed) + ".";
    }
}
