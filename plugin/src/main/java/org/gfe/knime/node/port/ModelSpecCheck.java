package org.gfe.knime.node.port;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.node.table.NumericColumns;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Checks, in configure(), that a table fits a GFE model: the Encoder's input must hold the model's training columns;
 * the Reconstructor's input must hold exactly the model's latent columns. Messages name the columns and the fix.
 */
public final class ModelSpecCheck {

    private ModelSpecCheck() {
    }

    /** The model spec at a port, or a clear error if the port has none yet. */
    public static GfeModelPortObjectSpec modelSpec(PortObjectSpec spec) throws InvalidSettingsException {
        if (!(spec instanceof GfeModelPortObjectSpec model)) {
            throw new InvalidSettingsException("No GFE model at the model port yet: connect a GFE Learner (or a"
                    + " Model Reader holding a GFE model) and configure it.");
        }
        return model;
    }

    /** The table spec at a port, or a clear error if the port has none yet. */
    public static DataTableSpec tableSpec(PortObjectSpec spec) throws InvalidSettingsException {
        if (!(spec instanceof DataTableSpec table)) {
            throw new InvalidSettingsException("No input table yet: connect a data table and configure its node.");
        }
        return table;
    }

    /** Indices of the model's training columns in the table. */
    public static int[] trainingColumns(GfeModelPortObjectSpec model, DataTableSpec table)
            throws InvalidSettingsException {
        return NumericColumns.indicesOf(table, model.columnNames(), "training columns of the GFE model",
                "Connect a table with every column the model was trained on (same names), or train a model on"
                        + " this table's columns.");
    }

    /** Indices of the latent columns prefix1..prefix{d} in the table, which must hold exactly d of them. */
    public static int[] latentColumns(GfeModelPortObjectSpec model, DataTableSpec table, String prefix)
            throws InvalidSettingsException {
        int dimension = model.latentDimension();
        List<String> expected = LatentColumns.names(prefix, dimension);
        List<String> found = new ArrayList<>();
        for (String name : table.getColumnNames()) {
            if (LatentColumns.isLatentName(prefix, name)) {
                found.add(name);
            }
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(found);
        List<String> extra = new ArrayList<>(found);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new InvalidSettingsException("The GFE model has latent dimension " + dimension + ", so the table"
                    + " needs the " + dimension + " latent columns " + span(prefix, dimension) + ", but it has "
                    + found.size() + " column(s) named '" + prefix + "<number>'"
                    + (found.isEmpty() ? "" : " (" + NumericColumns.list(found) + ")")
                    + (missing.isEmpty() ? "" : "; missing: " + NumericColumns.list(missing))
                    + (extra.isEmpty() ? "" : "; not in the model: " + NumericColumns.list(extra))
                    + ". Encode the table with this model (GFE Encoder, same latent column prefix), or set the"
                    + " prefix of the latent columns this table holds.");
        }
        int[] indices = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            indices[i] = table.findColumnIndex(expected.get(i));
            if (!NumericColumns.isNumeric(table.getColumnSpec(indices[i]))) {
                throw new InvalidSettingsException("Latent column '" + expected.get(i) + "' is of type "
                        + table.getColumnSpec(indices[i]).getType() + ", not numeric. Latent columns must hold"
                        + " numbers, as the GFE Encoder writes them.");
            }
        }
        return indices;
    }

    private static String span(String prefix, int dimension) {
        return dimension == 1 ? "'" + prefix + "1'" : "'" + prefix + "1' to '" + prefix + dimension + "'";
    }
}
