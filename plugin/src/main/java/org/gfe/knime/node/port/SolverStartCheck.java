package org.gfe.knime.node.port;

import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.node.settings.GfeChoices;
import org.knime.core.node.InvalidSettingsException;

/**
 * The start "linear least-squares code (PCA score)" needs a decoder with a linear part: the Learner and the Encoder
 * refuse other decoders with it in configure (when the decoder is known) and before computing, in the same words.
 */
public final class SolverStartCheck {

    private SolverStartCheck() {
    }

    /**
     * @param decoder the decoder's kind; null if not known yet (nothing is checked)
     * @param where what holds the decoder, e.g. "the model's decoder" or "the Learner's decoder"
     * @param learner whether the Learner asks (the fix is its decoder setting) or a node using a model
     * @throws InvalidSettingsException if the solver starts at the linear code and the decoder has no linear part
     */
    public static void requireLinearPart(SolverSettings solver, DecoderKind decoder, String where, boolean learner)
            throws InvalidSettingsException {
        if (solver == null || decoder == null || solver.initialState() != InitialState.LINEAR_PROJECTION
                || decoder == DecoderKind.LINEAR_PLUS_MLP) {
            return;
        }
        throw new InvalidSettingsException("The Solver Settings input starts each row's flow at its '"
                + GfeChoices.INITIAL_STATE.label(InitialState.LINEAR_PROJECTION) + "', which needs the decoder '"
                + GfeChoices.DECODER.label(DecoderKind.LINEAR_PLUS_MLP) + "'; " + where + " is '"
                + GfeChoices.DECODER.label(decoder) + "'. Choose another start of the flow in the Solver Settings"
                + " node (e.g. '" + GfeChoices.INITIAL_STATE.label(InitialState.SEEDED_UNIFORM) + "'), or "
                + (learner ? "the decoder '" + GfeChoices.DECODER.label(DecoderKind.LINEAR_PLUS_MLP) + "' here."
                        : "a model trained with the decoder '" + GfeChoices.DECODER.label(DecoderKind.LINEAR_PLUS_MLP)
                                + "'."));
    }

    /** The decoder kind a spec records, or null for a spec stored before it was recorded. */
    public static DecoderKind kindOf(GfeModelPortObjectSpec spec) {
        return GfeChoices.DECODER.find(spec.decoderKind());
    }
}
