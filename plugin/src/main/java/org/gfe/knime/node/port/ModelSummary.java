package org.gfe.knime.node.port;

import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.table.NumericColumns;

/**
 * A trained model described for people, one fact per line, every choice by the label the dialogs show (e.g.
 * "z-score (mean 0, sd 1)", not Z_SCORE): what the model port's view, its tooltip and the Learner's view show.
 */
public final class ModelSummary {

    private ModelSummary() {
    }

    /**
     * The model's description.
     *
     * @param activation the decoder's activation as stored in the spec (an enum name)
     * @param notes further lines, e.g. why the loss 'Automatic' chose the loss (may be empty)
     */
    public static String of(GfeModel model, String activation, List<String> notes) {
        long parameters = model.parameterValues().stream().mapToLong(values -> values.length).sum();
        SolverSettings solver = model.solverSettings();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Decoder: %s, %s activation, %,d parameters (%s)",
                model.decoderDescription(), GfeChoices.ACTIVATION.labelOf(activation), parameters,
                model.precision().name().toLowerCase(Locale.ROOT)));
        text.append("\nLatent dimension: ").append(model.latentDimension());
        text.append("\nLoss: ").append(GfeChoices.LOSS.label(model.loss()));
        text.append("\nNormalisation: ").append(GfeChoices.NORMALISATION.label(model.normalisation().kind()));
        text.append("\nEncodes by default with: ").append(SolverSummary.line(solver));
        for (String note : notes) {
            text.append('\n').append(note);
        }
        return text.toString();
    }

    /** The training columns, at most ten named. */
    static String columns(List<String> names) {
        return "Columns (" + names.size() + "): " + NumericColumns.list(names);
    }
}
