package org.gfe.knime.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.StepObserver;
import org.junit.jupiter.api.Test;

class FlowSolverTest {

    @Test
    void everyConfigurationLeavesTheCallersManagerAsItWasAndReportsCosts() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(4, 6, 2, 3);
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray z0 = BatchArrays.fromRows(manager, new double[3][2], DataType.FLOAT64);
            int before = manager.getManagedArrays().size();
            for (IntegratorKind kind : IntegratorKind.values()) {
                for (FlowOrder order : FlowOrder.values()) {
                    if (kind == IntegratorKind.EULER && order == FlowOrder.SECOND) {
                        continue;
                    }
                    SolverSettings settings = SolverSettings.defaults().toBuilder().integrator(kind).flowOrder(order)
                            .endTime(50).gridPoints(501).initialState(InitialState.ZEROS).build();
                    FlowSolution solution = new FlowSolver(settings).solve(problem, z0, StepObserver.NONE);
                    assertEquals(before, manager.getManagedArrays().size(), kind + " " + order);
                    assertEquals(2, solution.codes()[0].length, "codes are v, not [v | m]");
                    assertEquals(problem.loss(1, solution.codes()[1]), solution.losses()[1], 1e-12);
                    boolean amdFirst = order == FlowOrder.FIRST && kind.name().startsWith("AMD");
                    assertEquals(solution.inputBackwards()[0] + (amdFirst ? 0 : 1), solution.forwards()[0],
                            "the final loss costs one forward unless AMD already has it");
                    if (kind == IntegratorKind.RK4) {
                        assertEquals(4 * 500, solution.inputBackwards()[0]);
                    }
                }
            }
        }
    }

    @Test
    void seededStartsDependOnSeedAndIdentityOnly() {
        SolverSettings settings = SolverSettings.defaults();
        double[] a = InitialCodes.of(settings, 42, 5);
        assertArrayEquals(a, InitialCodes.of(settings, new long[] {7, 42}, 5)[1]);
        for (double value : a) {
            org.junit.jupiter.api.Assertions.assertTrue(value >= 0 && value < 1);
        }
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a, InitialCodes.of(settings, 43, 5)));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a,
                InitialCodes.of(settings.toBuilder().seed(1).build(), 42, 5)));
        assertArrayEquals(new double[5], InitialCodes.of(settings.toBuilder().initialState(InitialState.ZEROS)
                .build(), 42, 5));
    }
}
