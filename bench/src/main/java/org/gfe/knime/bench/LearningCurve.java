package org.gfe.knime.bench;

import java.util.ArrayList;
import java.util.List;

/** Validation loss against images seen and training seconds (validation time excluded) for one run. */
final class LearningCurve {

    /** One validation point. NaN where a set was not measured. */
    record Point(long imagesSeen, double trainingSeconds, double parityLoss, double stableLoss, double batchLoss) {
    }

    final String name;
    final List<Point> points = new ArrayList<>();

    LearningCurve(String name) {
        this.name = name;
    }

    void add(Point point) {
        points.add(point);
        System.out.printf("  %-28s images %6d  train %7.1f s  val8 %.4f  val1000 %s%n", name, point.imagesSeen(),
                point.trainingSeconds(), point.parityLoss(),
                Double.isNaN(point.stableLoss()) ? "-" : String.format("%.4f", point.stableLoss()));
    }

    double[] images() {
        return points.stream().mapToDouble(Point::imagesSeen).toArray();
    }

    double[] seconds() {
        return points.stream().mapToDouble(Point::trainingSeconds).toArray();
    }

    double[] parity() {
        return points.stream().mapToDouble(Point::parityLoss).toArray();
    }

    double[] stable() {
        return points.stream().filter(p -> !Double.isNaN(p.stableLoss())).mapToDouble(Point::stableLoss).toArray();
    }

    double[] stableImages() {
        return points.stream().filter(p -> !Double.isNaN(p.stableLoss())).mapToDouble(Point::imagesSeen).toArray();
    }

    /** Loss on a set at the given images (the point there), NaN if not measured. */
    Point at(long images) {
        return points.stream().filter(p -> p.imagesSeen() == images).findFirst().orElse(null);
    }

    /** First training time at which the (parity or stable) loss reached the target, NaN if never. */
    double secondsToReach(double target, boolean stable) {
        for (Point p : points) {
            double loss = stable ? p.stableLoss() : p.parityLoss();
            if (!Double.isNaN(loss) && loss <= target) {
                return p.trainingSeconds();
            }
        }
        return Double.NaN;
    }

    long imagesToReach(double target, boolean stable) {
        for (Point p : points) {
            double loss = stable ? p.stableLoss() : p.parityLoss();
            if (!Double.isNaN(loss) && loss <= target) {
                return p.imagesSeen();
            }
        }
        return -1;
    }
}
