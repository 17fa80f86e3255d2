package org.gfe.knime.node.encoder;

import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * What the Encoder does with a row that has missing cells in the model's columns. The setting stores the constant's
 * name (flow variables use it); the dialog shows the text.
 */
public enum EncoderMissingPolicy implements ButtonGroupEnumInterface {
    /** Encode the row from its present cells (missing cells are left out of the loss). */
    MASK("Encode the row from its present cells",
            "Missing cells are left out of the reconstruction error the flow minimises (default)."),
    /** Give the row missing latent cells. */
    MISSING_CODE("Give the row missing codes",
            "A row with any missing model cell gets missing latent cells (and diagnostics).");

    private final String text;
    private final String toolTip;

    EncoderMissingPolicy(String text, String toolTip) {
        this.text = text;
        this.toolTip = toolTip;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public String getActionCommand() {
        return name();
    }

    @Override
    public String getToolTip() {
        return toolTip;
    }

    @Override
    public boolean isDefault() {
        return this == MASK;
    }
}
