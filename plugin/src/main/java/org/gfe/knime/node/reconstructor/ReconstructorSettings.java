package org.gfe.knime.node.reconstructor;

import java.util.List;
import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.table.NewColumns;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The GFE Reconstructor's options and the names of the columns it writes. Settings versions: 1 (first release); 2
 * adds the rows per chunk (older workflows get the former fixed 1024).
 */
public final class ReconstructorSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 2;

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelString latentPrefix = versioned.string("latent_prefix", LatentColumns.DEFAULT_PREFIX);
    final SettingsModelString columnPrefix = versioned.string("column_prefix", "");
    final SettingsModelString columnSuffix = versioned.string("column_suffix", " (reconstructed)");
    final SettingsModelBoolean impute = versioned.bool("impute_missing", false);
    final SettingsModelInteger rowsPerChunk =
            versioned.add("rows_per_chunk", new SettingsModelInteger("rows_per_chunk", 1024), 2);

    String latentPrefix() throws InvalidSettingsException {
        String prefix = latentPrefix.getStringValue();
        if (prefix == null || prefix.isBlank()) {
            throw new InvalidSettingsException("Setting 'Latent column prefix' is empty. Give the prefix of the"
                    + " latent columns, e.g. 'z' for z1, z2, ... (as set in the GFE Encoder).");
        }
        return prefix;
    }

    boolean impute() {
        return impute.getBooleanValue();
    }

    int rowsPerChunk() throws InvalidSettingsException {
        if (rowsPerChunk.getIntValue() < 1) {
            throw new InvalidSettingsException("Setting 'Rows per chunk' must be at least 1, was "
                    + rowsPerChunk.getIntValue() + ".");
        }
        return rowsPerChunk.getIntValue();
    }

    /**
     * The reconstructed columns, one per training column, named prefix + column + suffix; a name the input table
     * already has gets a unique variant (e.g. "fat (#1)" with empty prefix and suffix).
     */
    NewColumns outputColumns(List<String> trainingColumns, DataTableSpec input) {
        String prefix = columnPrefix.getStringValue() == null ? "" : columnPrefix.getStringValue();
        String suffix = columnSuffix.getStringValue() == null ? "" : columnSuffix.getStringValue();
        NewColumns columns = new NewColumns(input);
        for (String column : trainingColumns) {
            columns.add(prefix + column + suffix, DoubleCell.TYPE);
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
        ReconstructorSettings copy = new ReconstructorSettings();
        copy.versioned.validate(settings);
        copy.versioned.load(settings);
        copy.latentPrefix();
        copy.rowsPerChunk();
    }
}
