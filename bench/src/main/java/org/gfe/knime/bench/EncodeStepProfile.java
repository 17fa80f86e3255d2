package org.gfe.knime.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.gfe.knime.core.optim.RmsProp;
import org.gfe.knime.core.train.DecoderTrainingLoop;
import org.gfe.knime.core.train.DecoderUnderTraining;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.core.train.TrainingRecord;

/**
 * Where training-time encoding spends its time, on the MNIST setup: thread CPU time per AMD attempt at B = 5 and 128 for
 * both AMD integrators, PyTorch ops per attempt (from PyTorch's profiler), and the time of 20 training batches of 5
 * real MNIST images with a loss fingerprint, so a speed-up can be checked not to change results.
 *
 * <p>Run: {@code java -cp <bench classpath> -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
 * -Dai.djl.pytorch.num_interop_threads=1 org.gfe.knime.bench.EncodeStepProfile [data/mnist] [parts]} with parts a
 * comma list of attempt, groups, trained, ops, train (default all; groups = per-row attempts without padding at 1 to 5
 * rows, as training's groups solve).
 */
public final class EncodeStepProfile {

    /** Thread CPU time: PyTorch runs its one intra-op thread on the caller, so this is robust to a busy machine. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final IntegratorKind[] KINDS = {IntegratorKind.AMD_PER_ROW, IntegratorKind.AMD_REFERENCE};

    /** Whether per-row AMD pads its evaluations (the encoder's solver) or not (training's groups). */
    private static boolean batchInvariant = true;

    private EncodeStepProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/mnist");
        Set<String> parts = Set.of((args.length > 1 ? args[1] : "attempt,groups,trained,ops,train").split(","));
        double[][] images = IdxFiles.images(dir.resolve("train-images-idx3-ubyte.gz"), 228);
        DjlRuntime.engine();
        if (parts.contains("attempt")) {
            for (IntegratorKind kind : KINDS) {
                for (int b : new int[] {5, 128}) {
                    int attempts = b == 5 ? 600 : 150;
                    perAttempt(images, kind, b, attempts / 3); // warm-up
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < 3; r++) {
                        best = Math.min(best, perAttempt(images, kind, b, attempts));
                    }
                    System.out.printf("attempt %-13s B=%3d  %.3f ms/attempt CPU (best of 3 x %d attempts)%n", kind, b,
                            best * 1e3, attempts);
                }
            }
        }
        if (parts.contains("groups")) {
            // training solves its groups (3 + 2 rows of a batch of 5) without the encoder's padding
            batchInvariant = false;
            for (int b : new int[] {1, 2, 3, 5}) {
                perAttempt(images, IntegratorKind.AMD_PER_ROW, b, 200);
                double best = Double.MAX_VALUE;
                for (int r = 0; r < 3; r++) {
                    best = Math.min(best, perAttempt(images, IntegratorKind.AMD_PER_ROW, b, 600));
                }
                System.out.printf("attempt %-13s B=%3d  %.3f ms/attempt CPU, unpadded (training groups)%n",
                        IntegratorKind.AMD_PER_ROW, b, best * 1e3);
            }
            opsPerAttempt(images, IntegratorKind.AMD_PER_ROW, 3, 100);
            batchInvariant = true;
        }
        if (parts.contains("trained")) {
            MlpDecoder[] trained = new MlpDecoder[1];
            train(images, IntegratorKind.AMD_REFERENCE, 20, trained);
            try (MlpDecoder decoder = trained[0]) {
                for (IntegratorKind kind : KINDS) {
                    perAttempt(decoder, images, kind, 5, 200);
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < 3; r++) {
                        best = Math.min(best, perAttempt(decoder, images, kind, 5, 600));
                    }
                    System.out.printf("attempt %-13s B=  5  %.3f ms/attempt CPU after 20 batches of training%n", kind,
                            best * 1e3);
                }
            }
        }
        if (parts.contains("ops")) {
            for (IntegratorKind kind : KINDS) {
                opsPerAttempt(images, kind, 5, 100);
            }
        }
        if (parts.contains("train")) {
            for (IntegratorKind kind : KINDS) {
                train(images, kind, 20); // warm-up run of the same length
                double best = Double.MAX_VALUE;
                String fingerprint = "";
                double wall = Double.MAX_VALUE;
                for (int r = 0; r < 2; r++) {
                    long start = CPU.getCurrentThreadCpuTime();
                    long startWall = System.nanoTime();
                    fingerprint = train(images, kind, 20);
                    best = Math.min(best, (CPU.getCurrentThreadCpuTime() - start) / 1e9);
                    wall = Math.min(wall, (System.nanoTime() - startWall) / 1e9);
                }
                System.out.printf("train   %-13s 20 batches of 5: %.2f s CPU, %.2f s wall (best of 2)  %s%n", kind,
                        best, wall, fingerprint);
            }
        }
    }

    /** Seconds per attempt of the integrator over {@code attempts} attempts on the first b images. */
    private static double perAttempt(double[][] images, IntegratorKind kind, int b, int attempts) {
        try (MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32)) {
            return perAttempt(decoder, images, kind, b, attempts);
        }
    }

    /** The same with a given decoder (e.g. one trained a little, whose activations differ from the initial one's). */
    private static double perAttempt(MlpDecoder decoder, double[][] images, IntegratorKind kind, int b,
            int attempts) {
        SolverSettings solver = MnistSetup.solver(kind);
        try (NDManager manager = DjlRuntime.newManager()) {
            DecoderObjective objective = DecoderObjective.of(decoder, ReconstructionLoss.of(MnistSetup.LOSS),
                    manager, Arrays.copyOf(images, b));
            long[] ids = new long[b];
            Arrays.setAll(ids, i -> i);
            NDArray z0 = BatchArrays.fromRows(manager, InitialCodes.of(solver, ids, 20), DataType.FLOAT32);
            int[] seen = {0};
            long start = CPU.getCurrentThreadCpuTime();
            try {
                new FlowSolver(solver, batchInvariant).solve(objective, z0, info -> ++seen[0] < attempts);
            } catch (IntegrationCancelledException e) {
                // the planned stop
            }
            return (CPU.getCurrentThreadCpuTime() - start) / 1e9 / seen[0];
        }
    }

    /** Runs the profiler over {@code attempts} attempts and prints the ops per attempt, top-level and in all. */
    private static void opsPerAttempt(double[][] images, IntegratorKind kind, int b, int attempts)
            throws IOException {
        perAttempt(images, kind, b, 50);
        Path trace = Files.createTempFile("gfe-profile", ".json");
        JniUtils.startProfile(false, false, false);
        perAttempt(images, kind, b, attempts);
        JniUtils.stopProfile(trace.toString());
        List<long[]> spans = new ArrayList<>();
        Map<String, Integer> all = new TreeMap<>();
        Map<String, Integer> top = new TreeMap<>();
        Map<String, Long> topNanos = new TreeMap<>();
        long inOps = 0;
        List<String> names = new ArrayList<>();
        Matcher event = Pattern.compile("\"name\":\\s*\"([^\"]+)\"[^{}]*?\"ts\":\\s*([0-9.]+)[^{}]*?\"dur\":\\s*([0-9.]+)")
                .matcher(Files.readString(trace));
        while (event.find()) {
            names.add(event.group(1));
            spans.add(new long[] {(long) (Double.parseDouble(event.group(2)) * 1000),
                    (long) (Double.parseDouble(event.group(3)) * 1000), names.size() - 1});
        }
        spans.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(y[1], x[1]));
        long openUntil = Long.MIN_VALUE;
        int topCount = 0;
        for (long[] span : spans) {
            String name = names.get((int) span[2]);
            all.merge(name, 1, Integer::sum);
            if (span[0] >= openUntil) {
                top.merge(name, 1, Integer::sum);
                topNanos.merge(name, span[1], Long::sum);
                inOps += span[1];
                topCount++;
                openUntil = span[0] + span[1];
            }
        }
        long first = spans.isEmpty() ? 0 : spans.get(0)[0];
        long last = spans.stream().mapToLong(x -> x[0] + x[1]).max().orElse(0);
        System.out.printf("ops     %-13s B=%d: %.1f top-level ops/attempt, %.1f with nested; %.1f us/attempt inside"
                + " ops of %.1f us/attempt traced%n", kind, b, topCount / (double) attempts,
                spans.size() / (double) attempts, inOps / 1e3 / attempts, (last - first) / 1e3 / attempts);
        top.entrySet().stream().sorted((x, y) -> Long.compare(topNanos.get(y.getKey()), topNanos.get(x.getKey())))
                .forEach(e -> System.out.printf("          %-28s %6.2f ops %8.1f us%n", e.getKey(),
                        e.getValue() / (double) attempts, topNanos.get(e.getKey()) / 1e3 / attempts));
        Files.deleteIfExists(trace);
    }

    /** Trains a fresh MNIST decoder on {@code batches} batches of 5; returns a fingerprint of the batch losses. */
    private static String train(double[][] images, IntegratorKind kind, int batches) {
        return train(images, kind, batches, null);
    }

    /** The same; with {@code keep} non-null, the trained decoder's copy goes to keep[0] (the caller closes it). */
    private static String train(double[][] images, IntegratorKind kind, int batches, MlpDecoder[] keep) {
        RmsProp optimiser = new RmsProp(MnistSetup.LEARNING_RATE, MnistSetup.RMS_ALPHA, MnistSetup.RMS_EPSILON);
        List<Double> losses = new ArrayList<>();
        try (MlpDecoder decoder = MlpDecoder.initialise(MnistSetup.decoder(), MnistSetup.SEED, DataType.FLOAT32);
                DecoderUnderTraining trainable = new DecoderUnderTraining(decoder,
                        ReconstructionLoss.of(MnistSetup.LOSS), optimiser)) {
            new DecoderTrainingLoop(MnistSetup.training(MnistSetup.solver(kind), TrainingMethod.APPROXIMATE_ADJOINT,
                    5)).run(trainable, Arrays.copyOf(images, 5 * batches), (TrainingRecord r) -> {
                        losses.add(r.trainingLoss());
                        return true;
                    });
            if (keep != null) {
                keep[0] = MlpDecoder.of(decoder.spec(), decoder.parameterValues(), DataType.FLOAT32);
            }
        }
        double sum = losses.stream().mapToDouble(Double::doubleValue).sum();
        return String.format("loss sum %.9f, first %.9f, last %.9f", sum, losses.get(0),
                losses.get(losses.size() - 1));
    }
}
