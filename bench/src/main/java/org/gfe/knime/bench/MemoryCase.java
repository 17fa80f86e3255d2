package org.gfe.knime.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.FlowSolver;
import org.gfe.knime.core.encode.InitialCodes;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;

/**
 * Memory over a long encode: 16 MNIST rows, per-row AMD with the convergence test off (gtol = 0) and tau = 10 x steps,
 * stopped after the given number of solver steps (attempts of the batch); resident set size and the JVM heap sampled
 * every tenth of the run must stay flat.
 */
final class MemoryCase {

    private MemoryCase() {
    }

    static ResultTable run(double[][] images, long steps) {
        ResultTable table = new ResultTable("Memory over a " + steps + "-step per-row AMD encode of 16 MNIST rows",
                "step", "seconds", "rss_mib", "heap_committed_mib", "heap_used_mib", "rss_minus_committed_heap_mib");
        SolverSettings solver = MnistSetup.solver(IntegratorKind.AMD_PER_ROW).toBuilder()
                .endTime(10.0 * steps).convergenceTolerance(0).build();
        double[][] rows = Arrays.copyOf(images, 16);
        long start = System.nanoTime();
        long[] next = {0};
        try (MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
                NDManager manager = DjlRuntime.newManager()) {
            DecoderObjective objective = DecoderObjective.of(decoder, ReconstructionLoss.of(MnistSetup.LOSS), manager,
                    rows);
            long[] identities = new long[rows.length];
            Arrays.setAll(identities, i -> i);
            NDArray z0 = BatchArrays.fromRows(manager, InitialCodes.of(solver, identities, 20), DataType.FLOAT32);
            long[] stepCount = {0};
            try {
                // the per-row AMD reports each attempt of the batch: stop after the requested number
                new FlowSolver(solver).solve(objective, z0, info -> {
                    stepCount[0]++;
                    if (stepCount[0] >= next[0]) {
                        sample(table, stepCount[0], start);
                        next[0] += steps / 10;
                    }
                    return stepCount[0] < steps;
                });
            } catch (IntegrationCancelledException e) {
                // the planned end of the measurement
            }
            sample(table, stepCount[0], start);
        }
        return table;
    }

    private static void sample(ResultTable table, long step, long start) {
        Runtime runtime = Runtime.getRuntime();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
        double committed = runtime.totalMemory() / 1048576.0;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rss = residentMib();
        System.out.printf("  step %7d  %6.1f s  RSS %7.1f MiB  heap committed %6.1f used %6.1f MiB  RSS - committed"
                + " heap %6.1f MiB%n", step, seconds, rss, committed, heap, rss - committed);
        table.add(step, seconds, rss, committed, heap, rss - committed);
    }

    static double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
