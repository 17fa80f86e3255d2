package org.gfe.knime.core.decoder;

import java.util.List;

/** The decoder's forward written in plain Java doubles, to check layout, order and activations independently. */
public final class PlainMlp {

    private PlainMlp() {
    }

    public static double[] forward(DecoderSpec spec, List<double[]> values, double[] input) {
        int[] sizes = spec.layerSizes();
        double[] h = input.clone();
        for (int k = 0; k + 1 < sizes.length; k++) {
            double[] w = values.get(2 * k);
            double[] b = values.get(2 * k + 1);
            double[] next = new double[sizes[k + 1]];
            for (int o = 0; o < next.length; o++) {
                double s = b[o];
                for (int i = 0; i < sizes[k]; i++) {
                    s += w[o * sizes[k] + i] * h[i];
                }
                next[o] = k + 2 < sizes.length ? activate(spec.activation(), s) : s;
            }
            h = next;
        }
        return h;
    }

    static double activate(Activation activation, double x) {
        return switch (activation) {
            case ELU -> x > 0 ? x : Math.expm1(x);
            case RELU -> Math.max(0, x);
            case TANH -> Math.tanh(x);
        };
    }
}
