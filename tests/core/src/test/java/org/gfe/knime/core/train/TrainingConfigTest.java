package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.SolverSettings;
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
        assertMessage(TrainingConfig.builder().epochs(0), "Epochs");
        assertMessage(TrainingConfig.builder().batchSize(0), "Batch size");
        assertMessage(TrainingConfig.builder().learningRate(-1), "Learning rate");
        assertMessage(TrainingConfig.builder().rmsAlpha(1), "RMSprop alpha");
        assertMessage(TrainingConfig.builder().validationFraction(1), "Validation fraction");
        assertMessage(TrainingConfig.builder().method(TrainingMethod.FULL_ADJOINT), "AMD_PER_ROW");
        assertMessage(TrainingConfig.builder().method(TrainingMethod.FULL_ADJOINT).solver(SolverSettings.defaults()
                .toBuilder().flowOrder(FlowOrder.SECOND).build()), "FIRST-order");
    }

    private static void assertMessage(TrainingConfig.Builder builder, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
