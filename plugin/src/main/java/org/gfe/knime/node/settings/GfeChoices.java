package org.gfe.knime.node.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.node.table.MissingCellPolicy;

/**
 * The labels people see for the choices of the GFE nodes, one place for every dialog, message, summary and view (so
 * the Learner's warning about the loss says "Binary cross-entropy" exactly as its dialog does). Labels of a node's
 * own choices (e.g. the Encoder's missing-value handling) may live with that node, built the same way.
 */
public final class GfeChoices {

    public static final ChoiceLabels<IntegratorKind> INTEGRATOR = ChoiceLabels.of(IntegratorKind.class)
            .add(IntegratorKind.AMD_PER_ROW, "Adaptive (AMD), per row",
                    "Adaptive minimise-distance steps with step size and stopping for each row on its own, so a"
                            + " row's code never depends on the other rows (default).")
            .add(IntegratorKind.AMD_REFERENCE, "Adaptive (AMD), one step size per batch",
                    "Adaptive minimise-distance steps with one step size for the whole batch, exactly as the"
                            + " paper's reference code.")
            .add(IntegratorKind.RK4, "Runge-Kutta 4, fixed steps",
                    "Classical Runge-Kutta of order 4 on a uniform time grid (see Grid points).")
            .add(IntegratorKind.EULER, "Euler, fixed steps",
                    "Explicit Euler on a uniform time grid (see Grid points); not with the second-order flow.")
            .add(IntegratorKind.DORMAND_PRINCE, "Dormand-Prince 5(4), error-controlled steps",
                    "Adaptive Runge-Kutta 5(4) that sizes its steps to the relative and absolute tolerances.")
            .build();

    public static final ChoiceLabels<FlowOrder> FLOW_ORDER = ChoiceLabels.of(FlowOrder.class)
            .add(FlowOrder.FIRST, "First order (plain gradient flow)",
                    "dz/dt = -alpha grad L(z): the code moves straight downhill on the reconstruction error"
                            + " (default).")
            .add(FlowOrder.SECOND, "Second order (with momentum)",
                    "A Nesterov-like flow with momentum; can reach a good code in fewer steps.")
            .build();

    public static final ChoiceLabels<InitialState> INITIAL_STATE = ChoiceLabels.of(InitialState.class)
            .add(InitialState.ZEROS, "All zeros", "Every row starts its flow at the zero code.")
            .add(InitialState.SEEDED_UNIFORM, "Seeded random in [0, 1)",
                    "Each row starts at a code drawn from [0, 1) by a generator seeded by the seed and the row, so"
                            + " the same row always gets the same code (default).")
            .add(InitialState.LINEAR_PROJECTION, "Linear projection (PCA score)",
                    "Each row starts where the decoder's linear part puts it (its PCA score); needs the linear"
                            + " plus MLP decoder.")
            .build();

    public static final ChoiceLabels<NormalisationKind> NORMALISATION = ChoiceLabels.of(NormalisationKind.class)
            .add(NormalisationKind.NONE, "None (original units)",
                    "Train on the values as they are; only for columns already on a scale of about 1.")
            .add(NormalisationKind.MIN_MAX, "min-max (to [0, 1])",
                    "Map each column's training range to [0, 1].")
            .add(NormalisationKind.Z_SCORE, "z-score (mean 0, sd 1)",
                    "Subtract each column's mean and divide by its standard deviation; suits columns in different"
                            + " units (default).")
            .build();

    public static final ChoiceLabels<LossKind> LOSS = ChoiceLabels.of(LossKind.class)
            .add(LossKind.AUTO, "Automatic (by the value range)",
                    "Binary cross-entropy if every normalised value lies in [0, 1] (always so with min-max"
                            + " normalisation), else mean squared error.")
            .add(LossKind.BCE, "Binary cross-entropy",
                    "For values in [0, 1] such as intensities or probabilities; computed in a numerically stable"
                            + " form.")
            .add(LossKind.BCE_REFERENCE, "Binary cross-entropy, as the paper's code",
                    "Cross-entropy computed exactly as the reference implementation does (sigmoid, then log).")
            .add(LossKind.MSE, "Mean squared error", "The squared difference per cell; suits measurements.")
            .build();

    public static final ChoiceLabels<TrainingMethod> TRAINING_METHOD = ChoiceLabels.of(TrainingMethod.class)
            .add(TrainingMethod.APPROXIMATE_ADJOINT, "Approximate adjoint (codes held fixed)",
                    "The paper's method: the decoder is updated with the codes held fixed; fast (default).")
            .add(TrainingMethod.FULL_ADJOINT, "Full adjoint (exact gradient through the flow)",
                    "The exact gradient through the flow by the adjoint method; slower. Needs the first-order flow"
                            + " and an integrator with one clock per batch (not Adaptive (AMD), per row).")
            .build();

    public static final ChoiceLabels<DecoderKind> DECODER = ChoiceLabels.of(DecoderKind.class)
            .add(DecoderKind.MLP, "Fully connected (MLP)",
                    "Fully connected layers of the hidden layer sizes; suits any table (default).")
            .add(DecoderKind.CONVOLUTION_1D, "1-D convolution (spectra)",
                    "Convolutions along the columns; suits rows whose neighbouring columns are neighbouring"
                            + " wavelengths or times.")
            .add(DecoderKind.LINEAR_PLUS_MLP, "Linear (PCA start) plus MLP correction",
                    "A linear part started at the principal components plus a fully connected correction of the"
                            + " hidden layer sizes: starts as PCA's reconstruction and learns what PCA misses.")
            .build();

    public static final ChoiceLabels<Activation> ACTIVATION = ChoiceLabels.of(Activation.class)
            .add(Activation.ELU, "ELU (exponential linear unit)", "Smooth; the paper's choice (default).")
            .add(Activation.RELU, "ReLU (rectified linear unit)", "max(0, x).")
            .add(Activation.TANH, "tanh (hyperbolic tangent)", "Bounded to (-1, 1).")
            .build();

    public static final ChoiceLabels<MissingCellPolicy> MISSING_CELLS = ChoiceLabels.of(MissingCellPolicy.class)
            .add(MissingCellPolicy.MASK, "Keep the row, leave missing cells out of the loss",
                    "Rows with gaps still contribute what was measured (default).")
            .add(MissingCellPolicy.SKIP_ROW, "Skip rows with missing cells",
                    "Leave such rows out of training; the warning counts them.")
            .add(MissingCellPolicy.FAIL, "Fail on a missing cell",
                    "Stop with an error naming the first missing cell's row and column.")
            .build();

    /** Every constant's label by the constant's name (the names are unique across these choices). */
    private static final Map<String, String> LABELS = new HashMap<>();

    /**
     * A word in capitals, digits and underscores, not right after a quote (a quoted name is a column's), with an
     * "-order" after it ("SECOND-order flow"), which the label already says.
     */
    private static final Pattern CONSTANT = Pattern.compile("(?<!')\\b([A-Z][A-Z0-9_]*)\\b(-order)?");

    static {
        for (ChoiceLabels<?> choices : List.of(INTEGRATOR, FLOW_ORDER, INITIAL_STATE, NORMALISATION, LOSS,
                TRAINING_METHOD, DECODER, ACTIVATION, MISSING_CELLS)) {
            addLabels(choices);
        }
    }

    private GfeChoices() {
    }

    private static <E extends Enum<E>> void addLabels(ChoiceLabels<E> choices) {
        for (E constant : choices.constants()) {
            if (LABELS.put(constant.name(), choices.label(constant)) != null) {
                throw new IllegalStateException(constant.name() + " names two choices; give one another name.");
            }
        }
    }

    /**
     * A message of the core (which names choices by their constants, e.g. "The FULL_ADJOINT method needs ...") in
     * the words of the dialogs: each constant becomes its quoted label ("The 'Full adjoint (exact gradient through
     * the flow)' method needs ..."). Null stays null.
     */
    public static String inWords(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = CONSTANT.matcher(message);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String label = LABELS.get(matcher.group(1));
            matcher.appendReplacement(text, Matcher.quoteReplacement(label == null ? matcher.group()
                    : "'" + label + "'"));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
