package org.gfe.knime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.testsupport.CsvFile;

/**
 * The benchmark command (issue #5). Cases: {@code efficiency} (Fig. 1 left and right, MNIST and Fashion-MNIST),
 * {@code variants} (Fig. 2), {@code encoding}, {@code lab} (the Learner's defaults on the lab tables), {@code lab-small}
 * (small subsamples of them), {@code lab-shapes} (time on synthetic tables of real lab-table shapes), {@code amd-cost},
 * {@code memory}; {@code all} runs them in
 * that order.
 * Writes CSV and PNG files and {@code summary.md} under the results folder and prints the summary. {@code --scale}
 * multiplies the number of images and iterations (1 = the full runs described in docs/benchmarks.md).
 */
public final class BenchmarkMain {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> summary = new ArrayList<>();
    private Path results;
    private Provenance provenance;

    public static void main(String[] args) throws Exception {
        new BenchmarkMain().run(args);
    }

    private void run(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        StringBuilder extra = new StringBuilder();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                String[] kv = part.replaceFirst("^--", "").split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
                if (!Set.of("cases", "results", "data", "lab", "scale").contains(kv[0])) {
                    extra.append(extra.length() > 0 ? " " : "").append(part);
                }
            }
        }
        options.put("extra", extra.toString());
        results = Path.of(options.getOrDefault("results", "results"));
        Path data = Path.of(options.getOrDefault("data", "data"));
        Path lab = Path.of(options.getOrDefault("lab", "tests/data/lab"));
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        DataEfficiencyCase.trainThreads = (int) longOption("train-threads",
                Runtime.getRuntime().availableProcessors());
        Set<String> cases = Set.of(options.getOrDefault("cases", "all").split(","));
        boolean all = cases.contains("all");
        provenance = Provenance.of("./mvnw -B -P bench -pl bench -am verify -DskipTests -Dbench.cases="
                + options.getOrDefault("cases", "all") + " -Dbench.scale=" + scale + " -Dbench.args=\""
                + options.getOrDefault("extra", "") + "\"", "2020 (model, solver), 0 (split)");
        Files.createDirectories(results);
        DjlRuntime.engine();
        long start = System.nanoTime();

        ImageDataset mnist = null;
        MlpDecoder trained = null;
        if (all || cases.contains("efficiency") || cases.contains("variants") || cases.contains("encoding")
                || cases.contains("memory") || cases.contains("amd-cost")) {
            mnist = ImageDataset.load("MNIST", data.resolve("mnist"));
        }
        if (all || cases.contains("efficiency")) {
            MlpDecoder[] keep = new MlpDecoder[1];
            efficiency(mnist, longOption("mnist-images", 10_000 * scale), keep);
            trained = keep[0];
            Path fashion = data.resolve("fashion-mnist");
            long fashionImages = longOption("fashion-images", 2_600 * scale);
            if (fashionImages <= 0) {
                summary.add("Fashion-MNIST skipped: --fashion-images=0.");
            } else if (Files.isDirectory(fashion)) {
                efficiency(ImageDataset.load("Fashion-MNIST", fashion), fashionImages, null);
            } else {
                summary.add("Fashion-MNIST skipped: " + fashion + " is missing (scripts/fetch-data.sh).");
            }
        }
        if (all || cases.contains("variants")) {
            variants(mnist, (int) longOption("iterations", Math.max(5, 50 * scale)));
        }
        if (cases.contains("encoding-lab")) {
            System.out.println("== Encoding cost, lab-sized model");
            save("encoding-lab", EncodingCostCase.labSized((int) longOption("lab-encode-rows", 2000),
                    Runtime.getRuntime().availableProcessors()));
        }
        if (all || cases.contains("encoding")) {
            if (trained == null) {
                MlpDecoder[] keep = new MlpDecoder[1];
                System.out.println("Training a decoder for the encoding case (GFE-amd per row, 1,000 images)");
                DataEfficiencyCase.gfe(mnist, IntegratorKind.AMD_PER_ROW, 1000, false, keep);
                trained = keep[0];
            }
            System.out.println("== Encoding cost");
            int count = (int) longOption("encode-images", 1000);
            ResultTable table = EncodingCostCase.run(trained,
                    java.util.Arrays.copyOf(mnist.test(), count), Runtime.getRuntime().availableProcessors());
            save("encoding", table);
            System.out.println("== Encoding cost, lab-sized model");
            save("encoding-lab", EncodingCostCase.labSized((int) longOption("lab-encode-rows", 2000),
                    Runtime.getRuntime().availableProcessors()));
        }
        if (all || cases.contains("lab")) {
            System.out.println("== Lab tables (the Learner's defaults)");
            int threads = (int) longOption("threads", Runtime.getRuntime().availableProcessors());
            long splitSeed = longOption("split-seed", 2020);
            try (var files = Files.list(lab)) {
                for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    String name = csv.getFileName().toString().replace(".csv", "");
                    save("lab-" + name, LabTableCase.run(CsvFile.read(csv), splitSeed, threads));
                }
            }
        }
        if (all || cases.contains("lab-small")) {
            System.out.println("== Small subsamples of the lab tables (the Learner's defaults)");
            int threads = (int) longOption("threads", Runtime.getRuntime().availableProcessors());
            int seeds = (int) longOption("small-seeds", 4);
            save("lab-small-tecator", LabRobustnessCase.run(CsvFile.read(lab.resolve("tecator.csv")), 42, seeds,
                    threads));
            save("lab-small-breast_cancer", LabRobustnessCase.run(CsvFile.read(lab.resolve("breast_cancer.csv")), 60,
                    seeds, threads));
        }
        if (all || cases.contains("lab-shapes")) {
            System.out.println("== Learner time on synthetic tables of real lab-table shapes");
            save("lab-shapes", LabShapesCase.run((int) longOption("threads",
                    Runtime.getRuntime().availableProcessors())));
        }
        if (all || cases.contains("amd-cost")) {
            System.out.println("== AMD encode cost");
            save("amd-cost", AmdCostCase.run(mnist.test()));
        }
        if (all || cases.contains("memory")) {
            System.out.println("== Memory");
            save("memory", MemoryCase.run(mnist.test(), longOption("memory-steps", 100_000)));
        }
        if (trained != null) {
            trained.close();
        }
        summary.add(String.format("Total benchmark time: %.0f s.", (System.nanoTime() - start) / 1e9));
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        provenance.lines().forEach(l -> out.append("- ").append(l).append('\n'));
        out.append('\n');
        summary.forEach(s -> out.append(s).append("\n\n"));
        Files.writeString(results.resolve("summary.md"), out);
        System.out.println();
        System.out.println(out);
    }

    private long longOption(String name, double fallback) {
        return options.containsKey(name) ? Long.parseLong(options.get(name)) : Math.round(fallback);
    }

    private void efficiency(ImageDataset data, long maxImages, MlpDecoder[] keep) {
        System.out.println("== Data efficiency and wall time: " + data.name() + ", up to " + maxImages + " images");
        List<LearningCurve> curves = new ArrayList<>();
        boolean mnist = data.name().equals("MNIST");
        curves.add(DataEfficiencyCase.gfe(data, IntegratorKind.AMD_PER_ROW, maxImages, true, keep));
        if (mnist) {
            curves.add(DataEfficiencyCase.gfe(data, IntegratorKind.AMD_REFERENCE, Math.min(maxImages, 2600), false,
                    null));
        }
        LearningCurve ae = DataEfficiencyCase.autoencoder(data, mnist ? Math.max(maxImages, 10_000) : maxImages);
        curves.add(ae);
        String slug = data.name().toLowerCase(Locale.ROOT);
        ResultTable table = new ResultTable(data.name() + ": validation BCE per image against images seen (B = 5,"
                + " one pass); seconds = training time, validation excluded", "run", "images", "train_seconds",
                "val8_bce", "val1000_bce", "batch_bce");
        Plot byImages = new Plot(data.name() + ": validation BCE (8 parity images)", "images seen", "BCE per image")
                .logX();
        Plot byStable = new Plot(data.name() + ": validation BCE (1,000 images)", "images seen", "BCE per image")
                .logX();
        Plot byTime = new Plot(data.name() + ": validation BCE (8 images) against training time", "seconds",
                "BCE per image").logX();
        for (LearningCurve curve : curves) {
            for (LearningCurve.Point p : curve.points) {
                table.add(curve.name, p.imagesSeen(), p.trainingSeconds(), p.parityLoss(), p.stableLoss(),
                        p.batchLoss());
            }
            byImages.series(curve.name, curve.images(), curve.parity());
            byStable.series(curve.name, curve.stableImages(), curve.stable());
            byTime.series(curve.name, curve.seconds(), curve.parity());
        }
        save(slug + "-efficiency", table);
        byImages.save(results.resolve(slug + "-efficiency-val8.png"));
        byStable.save(results.resolve(slug + "-efficiency-val1000.png"));
        byTime.save(results.resolve(slug + "-walltime.png"));
        if (mnist) {
            targets(curves.get(0), curves.get(1), ae);
        }
    }

    /** The targets against what was measured. */
    private void targets(LearningCurve perRow, LearningCurve reference, LearningCurve ae) {
        ResultTable t = new ResultTable("MNIST targets (reference figures from reference-runs.md)", "target",
                "goal", "measured", "met");
        for (LearningCurve gfe : List.of(perRow, reference)) {
            LearningCurve.Point at600 = gfe.at(600);
            if (at600 != null) {
                t.add(gfe.name + ": val8 BCE at 600 images", "<= 0.157", at600.parityLoss(),
                        at600.parityLoss() <= 0.157);
                t.add(gfe.name + ": training seconds to 600 images", "<= 20 (reference 201)",
                        at600.trainingSeconds(), at600.trainingSeconds() <= 20);
            }
        }
        int below = 0;
        int compared = 0;
        for (LearningCurve.Point p : perRow.points) {
            LearningCurve.Point a = ae.at(p.imagesSeen());
            if (a != null && p.imagesSeen() <= 2600) {
                compared++;
                below += p.parityLoss() < a.parityLoss() ? 1 : 0;
            }
        }
        t.add("GFE per-row below AE at every mark <= 2600 (val8)", compared + " marks", below + " below",
                compared > 0 && below == compared);
        double gfeTime = perRow.secondsToReach(0.137, false);
        double aeTime = ae.secondsToReach(0.137, false);
        t.add("seconds to reach val8 BCE 0.137: GFE per-row vs AE", "GFE < AE",
                String.format("%.1f vs %.1f (images %d vs %d)", gfeTime, aeTime, perRow.imagesToReach(0.137, false),
                        ae.imagesToReach(0.137, false)),
                !Double.isNaN(gfeTime) && (Double.isNaN(aeTime) || gfeTime < aeTime));
        double gfeStable = perRow.secondsToReach(0.137, true);
        double aeStable = ae.secondsToReach(0.137, true);
        t.add("seconds to reach val1000 BCE 0.137: GFE per-row vs AE", "GFE < AE",
                String.format("%.1f vs %.1f", gfeStable, aeStable),
                !Double.isNaN(gfeStable) && (Double.isNaN(aeStable) || gfeStable < aeStable));
        save("mnist-targets", t);
    }

    private void variants(ImageDataset mnist, int iterations) {
        System.out.println("== Flow variants (Fig. 2), B = 20, " + iterations + " iterations");
        int every = Math.max(1, iterations / 10);
        List<LearningCurve> adjoint = List.of(
                FlowVariantsCase.run("approximate adjoint, RK4", mnist, FlowVariantsCase.rk4(FlowOrder.FIRST),
                        TrainingMethod.APPROXIMATE_ADJOINT, iterations, every),
                FlowVariantsCase.run("full adjoint, RK4", mnist, FlowVariantsCase.rk4(FlowOrder.FIRST),
                        TrainingMethod.FULL_ADJOINT, iterations, every));
        List<LearningCurve> orders = List.of(adjoint.get(0),
                FlowVariantsCase.run("2nd order, RK4", mnist, FlowVariantsCase.rk4(FlowOrder.SECOND),
                        TrainingMethod.APPROXIMATE_ADJOINT, iterations, every),
                FlowVariantsCase.run("AMD per row", mnist, MnistSetup.solver(IntegratorKind.AMD_PER_ROW),
                        TrainingMethod.APPROXIMATE_ADJOINT, iterations, every));
        ResultTable table = new ResultTable("MNIST, B = 20: validation BCE (200 images, per-row AMD encoding)"
                + " against iterations", "run", "iteration", "train_seconds", "val200_bce", "batch_bce");
        Plot left = new Plot("Approximate vs full adjoint (MNIST, B = 20)", "iteration", "validation BCE");
        Plot right = new Plot("1st-order RK4 vs 2nd-order RK4 vs AMD (MNIST, B = 20)", "iteration",
                "validation BCE");
        for (LearningCurve c : List.of(adjoint.get(0), adjoint.get(1), orders.get(1), orders.get(2))) {
            for (LearningCurve.Point p : c.points) {
                table.add(c.name, p.imagesSeen(), p.trainingSeconds(), p.stableLoss(), p.batchLoss());
            }
        }
        adjoint.forEach(c -> left.series(c.name, c.images(), c.stable()));
        orders.forEach(c -> right.series(c.name, c.images(), c.stable()));
        save("variants", table);
        left.save(results.resolve("variants-adjoint.png"));
        right.save(results.resolve("variants-orders.png"));
    }

    private void save(String name, ResultTable table) {
        table.writeCsv(results.resolve(name + ".csv"), provenance);
        summary.add(table.markdown());
        try {
            Files.writeString(results.resolve(name + ".md"), table.markdown());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
