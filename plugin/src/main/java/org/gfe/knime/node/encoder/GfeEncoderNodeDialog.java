package org.gfe.knime.node.encoder;

import org.gfe.knime.node.settings.GfeSettingsPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Dialog of the GFE Encoder. Choices are shown in words (radio buttons of {@link EncoderMissingPolicy}; the setting
 * keeps the constant's name), and "GFE converged as a boolean column" is enabled only with the diagnostics, which
 * append that column.
 */
final class GfeEncoderNodeDialog extends GfeSettingsPane {

    private final EncoderSettings settings;

    GfeEncoderNodeDialog() {
        this(new EncoderSettings());
    }

    private GfeEncoderNodeDialog(EncoderSettings s) {
        super(s.versioned);
        this.settings = s;
        setDefaultTabTitle("Options");
        text(s.latentPrefix, "Latent column prefix");
        addDialogComponent(new DialogComponentButtonGroup(s.missingValues, "Missing values", true,
                EncoderMissingPolicy.values()));
        check(s.diagnostics, "Append per-row diagnostics (loss, steps, converged)");
        check(s.convergedAsBoolean, "\"GFE converged\" as a boolean column (else 0/1, as before)");
        check(s.reconstructionError, "Append each row's reconstruction error (original and normalised units)");
        integer(s.rowsPerChunk, "Rows per chunk", 128);
        s.diagnostics.addChangeListener(e -> applyEnablement());
        applyEnablement();
    }

    /** The converged column's type matters only with diagnostics. */
    private void applyEnablement() {
        settings.convergedAsBoolean.setEnabled(settings.diagnostics.getBooleanValue());
    }

    @Override
    public void loadAdditionalSettingsFrom(NodeSettingsRO stored, PortObjectSpec[] specs)
            throws NotConfigurableException {
        super.loadAdditionalSettingsFrom(stored, specs);
        applyEnablement(); // a stored enabled state must not win over the rule
    }
}
