package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Test objective with one closed-form term per row: l_m(z) = 0.5 k_m |z - c_m|^2 + q_m . z. With k = 0 and q != 0 the
 * loss falls without bound along the flow (AMD never rejects and never converges); with k > 0 and q = 0 it is a
 * bowl (AMD converges).
 */
public final class SeparableObjective implements LatentObjective {

    private final double[] curvature;
    private final double[][] centre;
    private final double[][] tilt;
    public long evaluations;
    public long gradients;

    public SeparableObjective(double[] curvature, double[][] centre, double[][] tilt) {
        this.curvature = curvature;
        this.centre = centre;
        this.tilt = tilt;
    }

    /** Rows whose loss is -|q| along a straight line: l = -s . z with s all ones / sqrt(d) times the slope. */
    public static SeparableObjective falling(int rows, int latent, double slope) {
        double[][] q = new double[rows][latent];
        for (double[] row : q) {
            java.util.Arrays.fill(row, -slope / Math.sqrt(latent));
        }
        return new SeparableObjective(new double[rows], new double[rows][latent], q);
    }

    /** Rows with a bowl of the given curvature centred at the given points. */
    public static SeparableObjective bowl(double curvature, double[][] centres) {
        double[] k = new double[centres.length];
        java.util.Arrays.fill(k, curvature);
        return new SeparableObjective(k, centres, new double[centres.length][centres[0].length]);
    }

    /** Rows of both objectives, this one's first. */
    public SeparableObjective stack(SeparableObjective other) {
        int n = rowCount() + other.rowCount();
        double[] k = new double[n];
        double[][] c = new double[n][];
        double[][] q = new double[n][];
        for (int m = 0; m < n; m++) {
            SeparableObjective source = m < rowCount() ? this : other;
            int i = m < rowCount() ? m : m - rowCount();
            k[m] = source.curvature[i];
            c[m] = source.centre[i];
            q[m] = source.tilt[i];
        }
        return new SeparableObjective(k, c, q);
    }

    @Override
    public int rowCount() {
        return curvature.length;
    }

    @Override
    public int latentDimension() {
        return centre[0].length;
    }

    private NDArray rows(NDManager manager, double[][] values, NDArray like) {
        double[] flat = new double[values.length * latentDimension()];
        for (int m = 0; m < values.length; m++) {
            System.arraycopy(values[m], 0, flat, m * latentDimension(), latentDimension());
        }
        return manager.create(flat, new Shape(values.length, latentDimension())).toType(like.getDataType(), false);
    }

    private NDArray curvatureColumn(NDArray like) {
        return like.getManager().create(curvature, new Shape(rowCount(), 1)).toType(like.getDataType(), false);
    }

    @Override
    public NDArray rowLosses(NDArray z) {
        evaluations += rowCount();
        NDArray offset = z.sub(rows(z.getManager(), centre, z));
        NDArray bowl = offset.square().mul(curvatureColumn(z)).sum(new int[] {1}).mul(0.5);
        return bowl.add(z.mul(rows(z.getManager(), tilt, z)).sum(new int[] {1}));
    }

    @Override
    public LossAndGradient lossAndGradient(NDArray z) {
        gradients += rowCount();
        NDArray losses = rowLosses(z);
        NDArray offset = z.sub(rows(z.getManager(), centre, z));
        return new LossAndGradient(losses, offset.mul(curvatureColumn(z)).add(rows(z.getManager(), tilt, z)));
    }

    @Override
    public NDArray hessianVectorProduct(NDArray z, NDArray v) {
        return v.mul(curvatureColumn(z));
    }

    @Override
    public SeparableObjective restrictTo(int[] rows) {
        double[] k = new double[rows.length];
        double[][] c = new double[rows.length][];
        double[][] q = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            k[i] = curvature[rows[i]];
            c[i] = centre[rows[i]];
            q[i] = tilt[rows[i]];
        }
        return new SeparableObjective(k, c, q);
    }
}
