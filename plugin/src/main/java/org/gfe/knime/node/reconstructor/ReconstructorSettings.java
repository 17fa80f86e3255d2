package org.gfe.knime.node.reconstructor;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.settings.VersionedSettings;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The GFE Reconstructor's options and the names of the columns it writes. */
public final class ReconstructorSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 1;

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelString latentPrefix = versioned.string("latent_prefix", LatentColumns.DEFAULT_PREFIX);
    final SettingsModelString columnPrefix = versioned.string("column_prefix", "");
    final SettingsModelString columnSuffix = versioned.string("column_suffix", " (reconstructed)");
    final SettingsModelBoolean impute = versioned.bool("impute_missing", false);

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

    /**
     * The names of the reconstructed columns, one per training column; none may clash with an input column.
     */
    List<String> outputNames(List<String> trainingColumns, DataTableSpec input) throws InvalidSettingsException {
        String prefix = columnPrefix.getStringValue() == null ? "" : columnPrefix.getStringValue();
        String suffix = columnSuffix.getStringValue() == null ? "" : columnSuffix.getStringValue();
        List<String> names = new ArrayList<>();
        for (String column : trainingColumns) {
            String name = prefix + column + suffix;
            if (input.containsName(name)) {
                throw new InvalidSettingsException("The reconstructed column '" + name + "' would replace the input"
                        + " column of that name. Set a column name prefix or suffix (e.g. ' (reconstructed)').");
            }
            names.add(name);
        }
        return names;
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
    }
}
