package org.gfe.knime.node.reconstructor;

import org.gfe.knime.node.settings.GfeSettingsPane;

/** Dialog of the GFE Reconstructor. */
final class GfeReconstructorNodeDialog extends GfeSettingsPane {

    GfeReconstructorNodeDialog() {
        this(new ReconstructorSettings());
    }

    private GfeReconstructorNodeDialog(ReconstructorSettings s) {
        super(s.versioned);
        setDefaultTabTitle("Options");
        text(s.latentPrefix, "Latent column prefix");
        text(s.columnPrefix, "Reconstructed column name prefix");
        text(s.columnSuffix, "Reconstructed column name suffix");
        check(s.impute, "Fill missing cells of matching input columns (imputation)");
        integer(s.rowsPerChunk, "Rows per chunk", 128);
    }
}
