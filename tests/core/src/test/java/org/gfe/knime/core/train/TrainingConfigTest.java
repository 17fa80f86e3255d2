package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.LossKind;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void defaultsAreTheReferenceMnistConfiguration() {
        TrainingConfig c = TrainingConfig.builder().build();
        assertEquals(20, c.latentDimension());
        assertArrayEquals(new int[] {150, 300, 600}, c.hiddenSizes());
        assertEquals(Activation.ELU, c.activation());
        assertEquals(5, c.batchSize());
        assertEquals(5e-4, c.learningRate());
        assertEquals(0.9, c.rmsAlpha());
        assertEquals(1e-6, c.rmsEpsilon());
        assertEquals(2020, c.seed());
        assertEquals(TrainingMethod.APPROXIMATE_ADJOINT, c.method());
        assertEquals(SolverSettings.defaults(), c.solver());
    }

    @Test
    void badValuesNameTheSetting() {
        assertMessage(TrainingConfig.builder().latentDimension(0), "Latent dimension");
        assertMessage(TrainingConfig.builder().hiddenSizes(10, 0), "Hidden layer sizes");
        assertMessage(TrainingConfig.builder().epochs(-1), "Epochs");
        assertMessage(TrainingConfig.builder().batchSize(-2), "Batch size");
        assertMessage(TrainingConfig.builder().patience(-2), "Patience");
        assertMessage(TrainingConfig.builder().method(TrainingMethod.FULL_ADJOINT).autoSolver(), "automatic");
        assertMessage(TrainingConfig.forTables().method(TrainingMethod.FULL_ADJOINT), "approximate adjoint");
        assertMessage(TrainingConfig.forTables().loss(LossKind.BCE), "MSE");
        assertMessage(TrainingConfig.builder().learningRate(-1), "Learning rate");
        assertMessage(TrainingConfig.builder().rmsAlpha(1), "RMSprop alpha");
        assertMessage(TrainingConfig.builder().validationFraction(1), "Validation fraction");
        assertMessage(TrainingConfig.builder().method(TrainingMethod.FULL_ADJOINT), "AMD_PER_ROW");
        assertMessage(TrainingConfig.builder().method(TrainingMethod.FULL_ADJOINT).solver(SolverSettings.defaults()
                .toBuilder().flowOrder(FlowOrder.SECOND).build()), "FIRST-order");
    }

    @Test
    void autoValuesAreSizedToTheTable() {
        TrainingConfig auto = TrainingConfig.forTables().latentDimension(3).build();
        assertTrue(auto.hasAutoValues() && auto.hasAutoHiddenSizes() && auto.hasAutoSolver());
        assertThrows(IllegalStateException.class, auto::hiddenSizes);
        TrainingConfig small = auto.resolve(40, 400);
        assertArrayEquals(new int[] {80, 80}, small.hiddenSizes(), "4 sqrt(400) = 80");
        assertEquals(8, small.batchSize(), "an eighth of 40 rows, at least 8");
        assertEquals(200, small.epochs(), "5 batches per epoch: 200 epochs make 1000 updates");
        assertEquals(100, small.patience());
        TrainingConfig large = auto.resolve(5000, 9);
        assertArrayEquals(new int[] {32, 32}, large.hiddenSizes());
        assertEquals(64, large.batchSize());
        assertEquals(30, large.epochs(), "at least 30 epochs");
        TrainingConfig fixed = TrainingConfig.builder().build();
        assertSame(fixed, fixed.resolve(10, 10));
    }

    private static void assertMessage(TrainingConfig.Builder builder, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
