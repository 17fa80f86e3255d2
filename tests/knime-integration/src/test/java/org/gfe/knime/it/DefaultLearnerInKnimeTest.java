package org.gfe.knime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GFE Learner with the defaults of a new node, in real KNIME on a seeded 70/30 split of tecator: configure's
 * specs are the executed ones, the history has one row per epoch with the kept one marked, and the held-out rows are
 * reconstructed at least as well as by PCA with as many components (the plugin's PCA; the tests' z-score error).
 * And a Learner of settings version 2 keeps doing what version 2 did (driver: DefaultLearner).
 */
class DefaultLearnerInKnimeTest extends InKnime {

    @ParameterizedTest(name = "latent dimension {0}")
    @ValueSource(ints = {2, 5})
    void theDefaultLearnerIsAtLeastAsGoodAsPcaOnTecator(int latentDimension) throws Throwable {
        Object[] run = (Object[])inKnime("DefaultLearner", "onTecator", latentDimension);
        double[][] training = (double[][])run[0];
        double[][] heldOut = (double[][])run[1];
        double[][] predicted = (double[][])run[2];
        ZScoreError error = new ZScoreError(training);
        double gfe = error.of(heldOut, predicted);
        double[][] heldOutZ = error.standardise(heldOut);
        double[][] pcaZ = (double[][])inKnime("DefaultLearner", "pcaReconstruction", error.standardise(training),
                heldOutZ, latentDimension);
        double pca = ZScoreError.meanSquared(heldOutZ, pcaZ);
        String report = String.format(Locale.ROOT, "tecator in real KNIME, default Learner, d = %d: held-out MSE"
                + " (z-score units) GFE %.5f, PCA %.5f (GFE/PCA %.4f); the three nodes in %.1f s; kept epoch %s (%s)",
                latentDimension, gfe, pca, gfe / pca, (Double)run[3], run[4], run[5]);
        System.out.println("[knime-integration] " + report);
        assertTrue(gfe <= pca * (1 + 1e-6), report + "\n" + run[6]);
    }

    @Test
    void versionTwoSettingsKeepTheirSizesSolverAndPerBatchHistory() throws Throwable {
        inKnime("DefaultLearner", "versionTwoSettingsKeepTheirBehaviour");
    }
}
