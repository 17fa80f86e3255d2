package org.gfe.knime.bench;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.ObjectiveSource;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;

/** Per-row mean loss of validation images encoded by the flow. */
final class Validation {

    private Validation() {
    }

    static EncodingSummary encode(ObjectiveSource source, SolverSettings solver, double[][] rows, int threads) {
        long[] identities = LongStream.range(0, rows.length).map(i -> 1_000_000 + i).toArray();
        long start = System.nanoTime();
        List<EncodedRow> encoded = new LatentEncoder(source, solver,
                ParallelWork.of(ForkJoinPool.commonPool(), threads)).encode(rows, identities,
                EncodingListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        return EncodingSummary.of(encoded, seconds);
    }

    /** Figures of one encode of many rows. */
    record EncodingSummary(double meanLoss, double seconds, double forwardsPerRow, double backwardsPerRow,
            double stepsPerRow, double convergedFraction) {

        static EncodingSummary of(List<EncodedRow> rows, double seconds) {
            double loss = 0;
            double forwards = 0;
            double backwards = 0;
            double steps = 0;
            double converged = 0;
            for (EncodedRow row : rows) {
                loss += row.loss();
                forwards += row.forwards();
                backwards += row.inputBackwards();
                steps += row.steps();
                converged += row.converged() ? 1 : 0;
            }
            int n = rows.size();
            return new EncodingSummary(loss / n, seconds, forwards / n, backwards / n, steps / n, converged / n);
        }
    }
}
