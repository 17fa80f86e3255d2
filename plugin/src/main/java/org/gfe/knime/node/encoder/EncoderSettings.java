package org.gfe.knime.node.encoder;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.settings.Choices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The GFE Encoder's options and the columns they append. */
public final class EncoderSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 1;

    static final String LOSS_COLUMN = "GFE loss";
    static final String STEPS_COLUMN = "GFE steps";
    static final String CONVERGED_COLUMN = "GFE converged";

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelString latentPrefix = versioned.string("latent_prefix", LatentColumns.DEFAULT_PREFIX);
    final SettingsModelBoolean diagnostics = versioned.bool("diagnostics", false);
    final SettingsModelString missingValues = versioned.string("missing_values", EncoderMissingPolicy.MASK.name());
    final SettingsModelInteger rowsPerChunk = versioned.integer("rows_per_chunk", 1024);

    EncoderMissingPolicy missingPolicy() throws InvalidSettingsException {
        return Choices.parse(EncoderMissingPolicy.class, missingValues, "Missing values");
    }

    boolean diagnostics() {
        return diagnostics.getBooleanValue();
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
     * The appended columns: the latent codes, then (optionally) loss, steps and converged. None may clash with a
     * column of the input table.
     */
    DataColumnSpec[] appendedColumns(DataTableSpec input, int latentDimension) throws InvalidSettingsException {
        List<DataColumnSpec> columns = new ArrayList<>();
        for (String name : LatentColumns.names(latentPrefix(), latentDimension)) {
            columns.add(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec());
        }
        if (diagnostics()) {
            columns.add(new DataColumnSpecCreator(LOSS_COLUMN, DoubleCell.TYPE).createSpec());
            columns.add(new DataColumnSpecCreator(STEPS_COLUMN, IntCell.TYPE).createSpec());
            columns.add(new DataColumnSpecCreator(CONVERGED_COLUMN, IntCell.TYPE).createSpec());
        }
        for (DataColumnSpec column : columns) {
            if (input.containsName(column.getName())) {
                throw new InvalidSettingsException("The input table already has a column '" + column.getName()
                        + "', which the Encoder would append. Choose another latent column prefix, or rename or"
                        + " remove that column.");
            }
        }
        return columns.toArray(new DataColumnSpec[0]);
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
