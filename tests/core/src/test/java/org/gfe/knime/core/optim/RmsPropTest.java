package org.gfe.knime.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.engine.DjlRuntime;
import org.junit.jupiter.api.Test;

class RmsPropTest {

    @Test
    void twoStepsByHand() {
        try (NDManager manager = DjlRuntime.newManager(); RmsProp rms = new RmsProp(0.01, 0.9, 1e-6)) {
            NDArray theta = manager.create(new double[] {1.0, -2.0});
            NDArray bias = manager.create(new double[] {0.5});
            NDList parameters = new NDList(theta, bias);
            rms.step(parameters, new NDList(manager.create(new double[] {0.5, -4.0}), manager.create(new double[] {0})));
            // s = 0.1 g^2 = (0.025, 1.6); theta -= 0.01 g / (sqrt(s) + 1e-6)
            assertEquals(1.0 - 0.01 * 0.5 / (Math.sqrt(0.025) + 1e-6), theta.toDoubleArray()[0], 1e-15);
            assertEquals(-2.0 + 0.01 * 4.0 / (Math.sqrt(1.6) + 1e-6), theta.toDoubleArray()[1], 1e-15);
            assertEquals(0.5, bias.toDoubleArray()[0], 0, "a zero gradient moves nothing");
            // after step 1, theta[0] = 0.968377..., a single step of RMSprop moves by lr / sqrt(1 - alpha)
            assertEquals(1 - 0.01 / Math.sqrt(0.1), theta.toDoubleArray()[0], 1e-6);
            double first0 = theta.toDoubleArray()[0];
            double first1 = theta.toDoubleArray()[1];
            rms.step(parameters, new NDList(manager.create(new double[] {-1.0, 2.0}), manager.create(new double[] {3})));
            // s = 0.9 s + 0.1 g^2 = (0.0225 + 0.1, 1.44 + 0.4)
            assertEquals(first0 + 0.01 * 1.0 / (Math.sqrt(0.1225) + 1e-6), theta.toDoubleArray()[0], 1e-15);
            assertEquals(first1 - 0.01 * 2.0 / (Math.sqrt(1.84) + 1e-6), theta.toDoubleArray()[1], 1e-15);
            assertEquals(0.5 - 0.01 * 3 / (Math.sqrt(0.9) + 1e-6), bias.toDoubleArray()[0], 1e-15);
            assertSame(manager, theta.getManager(), "the parameters stay where they were");
        }
    }

    @Test
    void float32StepsMatchTheDoubleFormula() {
        try (NDManager manager = DjlRuntime.newManager(); RmsProp rms = new RmsProp(5e-4, 0.9, 1e-6)) {
            NDArray theta = manager.create(new float[] {0.25f, -0.75f, 0.1f, 0f}, new Shape(2, 2));
            double[] expected = {0.25, -0.75, 0.1, 0};
            double[] square = new double[4];
            float[][] gradients = {{0.3f, -0.02f, 1e-4f, 2f}, {-0.1f, 0.5f, 0f, 2f}, {0.2f, 0.2f, -3f, -1f}};
            for (float[] g : gradients) {
                int before = manager.getManagedArrays().size();
                rms.step(new NDList(theta), new NDList(manager.create(g, new Shape(2, 2))));
                assertEquals(before + 1, manager.getManagedArrays().size(), "only the gradient array was added");
                for (int i = 0; i < 4; i++) {
                    square[i] = 0.9 * square[i] + 0.1 * g[i] * g[i];
                    expected[i] -= 5e-4 * g[i] / (Math.sqrt(square[i]) + 1e-6);
                }
            }
            float[] actual = theta.toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i], actual[i], 1e-6, "component " + i);
            }
            assertEquals(DataType.FLOAT32, theta.getDataType());
        }
    }

    @Test
    void mismatchedGradientsAndBadSettingsAreRejected() {
        try (NDManager manager = DjlRuntime.newManager(); RmsProp rms = new RmsProp(0.1, 0.9, 1e-6)) {
            NDList parameters = new NDList(manager.zeros(new Shape(3)));
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> rms.step(parameters, new NDList()));
            assertTrue(count.getMessage().contains("0 gradients for 1"), count.getMessage());
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> rms.step(parameters, new NDList(manager.zeros(new Shape(4)))));
            assertTrue(shape.getMessage().contains("(3)") && shape.getMessage().contains("(4)"), shape.getMessage());
            rms.step(parameters, new NDList(manager.ones(new Shape(3))));
            assertThrows(IllegalArgumentException.class, () -> rms.step(new NDList(manager.zeros(new Shape(3)),
                    manager.zeros(new Shape(1))), new NDList(manager.zeros(new Shape(3)), manager.zeros(new Shape(1)))));
        }
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0, 0.9, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1, 1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1, 0.9, 0));
        assertArrayEquals(new double[] {0.1, 0.9, 1e-6}, settings(new RmsProp(0.1, 0.9, 1e-6)));
    }

    private static double[] settings(RmsProp rms) {
        try (rms) {
            return new double[] {rms.learningRate(), rms.alpha(), rms.epsilon()};
        }
    }
}
