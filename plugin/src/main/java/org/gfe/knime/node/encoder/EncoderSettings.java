package org.gfe.knime.node.encoder;

import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.settings.Choices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.table.NewColumns;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The GFE Encoder's options and the columns they append.
 *
 * <p>Settings versions: 1 (first release) appended "GFE converged" as an int 0/1; 2 adds the per-row reconstruction
 * error and writes "GFE converged" as a boolean. A workflow saved with version 1 keeps its int column (its settings
 * lack {@code converged_as_boolean}, which then loads as false and stays so when the workflow is saved again), so
 * downstream nodes that test {@code = 1} keep working; the user may tick the option to switch.
 */
public final class EncoderSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 2;

    static final String LOSS_COLUMN = "GFE loss";
    static final String STEPS_COLUMN = "GFE steps";
    static final String CONVERGED_COLUMN = "GFE converged";
    static final String ERROR_COLUMN = "GFE error (original units)";
    static final String NORMALISED_ERROR_COLUMN = "GFE error (normalised units)";
    static final String CONVERGED_AS_BOOLEAN_KEY = "converged_as_boolean";

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelString latentPrefix = versioned.string("latent_prefix", LatentColumns.DEFAULT_PREFIX);
    final SettingsModelBoolean diagnostics = versioned.bool("diagnostics", false);
    final SettingsModelString missingValues = versioned.string("missing_values", EncoderMissingPolicy.MASK.name());
    final SettingsModelInteger rowsPerChunk = versioned.integer("rows_per_chunk", 1024);
    final SettingsModelBoolean reconstructionError =
            versioned.add("reconstruction_error", new SettingsModelBoolean("reconstruction_error", false), 2);
    /** False for workflows of settings version 1 (their int 0/1 column stays), true for new nodes. */
    final SettingsModelBoolean convergedAsBoolean = newNodesTrue(versioned.add(CONVERGED_AS_BOOLEAN_KEY,
            new SettingsModelBoolean(CONVERGED_AS_BOOLEAN_KEY, false), 2));

    private static SettingsModelBoolean newNodesTrue(SettingsModelBoolean model) {
        model.setBooleanValue(true); // the default registered above (false) is what older settings load
        return model;
    }

    EncoderMissingPolicy missingPolicy() throws InvalidSettingsException {
        return Choices.parse(EncoderMissingPolicy.class, missingValues, "Missing values");
    }

    boolean diagnostics() {
        return diagnostics.getBooleanValue();
    }

    boolean reconstructionError() {
        return reconstructionError.getBooleanValue();
    }

    boolean convergedAsBoolean() {
        return convergedAsBoolean.getBooleanValue();
    }

    int rowsPerChunk() throws InvalidSettingsException {
        if (rowsPerChunk.getIntValue() < 1) {
            throw new InvalidSettingsException("Setting 'Rows per chunk' must be at least 1, was "
                    + rowsPerChunk.getIntValue() + ".");
        }
        return rowsPerChunk.getIntValue();
    }

    String latentPrefix() throws InvalidSettingsException {
        String prefix = latentPrefix.getStringValue();
        if (prefix == null || prefix.isBlank()) {
            throw new InvalidSettingsException("Setting 'Latent column prefix' is empty. Give a prefix such as 'z'"
                    + " (the columns are named z1, z2, ...).");
        }
        return prefix;
    }

    /**
     * The appended columns: the latent codes, then (optionally) loss, steps and converged, then (optionally) the
     * two reconstruction errors. A name the input table already has gets a unique variant.
     */
    NewColumns appendedColumns(DataTableSpec input, int latentDimension) throws InvalidSettingsException {
        NewColumns columns = new NewColumns(input);
        for (String name : LatentColumns.names(latentPrefix(), latentDimension)) {
            columns.add(name, DoubleCell.TYPE);
        }
        if (diagnostics()) {
            columns.add(LOSS_COLUMN, DoubleCell.TYPE);
            columns.add(STEPS_COLUMN, IntCell.TYPE);
            columns.add(CONVERGED_COLUMN, LatentCells.convergedType(convergedAsBoolean()));
        }
        if (reconstructionError()) {
            columns.add(ERROR_COLUMN, DoubleCell.TYPE);
            columns.add(NORMALISED_ERROR_COLUMN, DoubleCell.TYPE);
        }
        return columns;
    }

    public void save(NodeSettingsWO settings) {
        versioned.save(settings);
    }

    public void load(NodeSettingsRO settings) throws InvalidSettingsException {
        versioned.load(settings);
    }

    public static void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        EncoderSettings copy = new EncoderSettings();
        copy.versioned.validate(settings);
        copy.versioned.load(settings);
        copy.missingPolicy();
        copy.latentPrefix();
        copy.rowsPerChunk();
    }
}
