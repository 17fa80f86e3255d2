package org.gfe.knime.node.encoder;

import org.gfe.knime.node.settings.Choices;
import org.gfe.knime.node.settings.GfeSettingsPane;

/** Dialog of the GFE Encoder. */
final class GfeEncoderNodeDialog extends GfeSettingsPane {

    GfeEncoderNodeDialog() {
        this(new EncoderSettings());
    }

    private GfeEncoderNodeDialog(EncoderSettings s) {
        super(s.versioned);
        setDefaultTabTitle("Options");
        text(s.latentPrefix, "Latent column prefix");
        choice(s.missingValues, "Missing values", Choices.names(EncoderMissingPolicy.class));
        check(s.diagnostics, "Append per-row diagnostics (loss, steps, converged)");
        check(s.convergedAsBoolean, "\"GFE converged\" as a boolean column (else 0/1, as before)");
        check(s.reconstructionError, "Append each row's reconstruction error (original and normalised units)");
        integer(s.rowsPerChunk, "Rows per chunk", 128);
    }
}
