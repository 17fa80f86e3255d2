package org.gfe.knime.node.learner;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;
import org.gfe.knime.node.learner.LearningCurve.EpochPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curve drawn with XChart: training loss and, if measured, validation loss per epoch, on a logarithmic
 * axis when the loss spans more than a decade. As a Swing component for the view, or as an image (headless) for
 * tests and exports. Needs no KNIME class.
 */
public final class LearningCurveChart extends JComponent {

    private static final long serialVersionUID = 1L;

    /** Series name of the training loss. */
    public static final String TRAINING = "Training loss";
    /** Series name of the validation loss. */
    public static final String VALIDATION = "Validation loss";

    private static final Color TRAINING_COLOUR = new Color(31, 119, 180);
    private static final Color VALIDATION_COLOUR = new Color(230, 110, 20);
    private static final double LOG_SPAN = 10;

    private transient XYChart chart;
    private transient LearningCurve curve = LearningCurve.NOT_TRAINED;

    public LearningCurveChart() {
        setPreferredSize(new Dimension(640, 360));
        setBackground(Color.WHITE);
        setOpaque(true);
    }

    /** Shows this curve (call on the event dispatch thread). */
    public void show(LearningCurve shown) {
        curve = shown;
        chart = shown.epochs().isEmpty() ? null : chart(shown, Math.max(1, getWidth()), Math.max(1, getHeight()));
        repaint();
    }

    /** The chart shown, or null while there is no epoch to draw. */
    public XYChart chart() {
        return chart;
    }

    public LearningCurve curve() {
        return curve;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, getWidth(), getHeight());
            if (chart != null) {
                chart.paint(g2, getWidth(), getHeight());
            } else {
                placeholder(g2, getWidth(), getHeight());
            }
        } finally {
            g2.dispose();
        }
    }

    private void placeholder(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.GRAY);
        g.setFont(getFont() != null ? getFont().deriveFont(Font.PLAIN, 13f) : new Font(Font.SANS_SERIF, Font.PLAIN,
                13));
        String text = curve.status() == LearningCurve.Status.TRAINING
                ? "The curve appears when the first batch has been trained."
                : "No learning curve yet: execute the node.";
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, Math.max(4, (width - metrics.stringWidth(text)) / 2), height / 2);
    }

    /**
     * The curve as an XChart chart of the given size (at least one epoch): per stage of the run a training series
     * and, where measured, a validation series (epoch 0, the decoder before training, has only the latter).
     */
    public static XYChart chart(LearningCurve curve, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).xAxisTitle("Epoch")
                .yAxisTitle("Loss per row (normalised units)").build();
        style(chart.getStyler(), curve);
        List<String> stages = curve.stages();
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            String suffix = stages.size() == 1 ? "" : " (" + LearningCurve.stageText(stage) + ")";
            List<EpochPoint> points = curve.epochs().stream().filter(p -> p.stage().equals(stage)).toList();
            float[] dash = i == 0 ? null : new float[] {2f, 3f};
            add(chart, TRAINING + suffix, points.stream().filter(p -> !Double.isNaN(p.trainingLoss())).toList(),
                    true, TRAINING_COLOUR, SeriesMarkers.CIRCLE, dash);
            add(chart, VALIDATION + suffix, points.stream().filter(p -> !Double.isNaN(p.validationLoss())).toList(),
                    false, VALIDATION_COLOUR, SeriesMarkers.DIAMOND, i == 0 ? new float[] {6f, 4f} : dash);
        }
        return chart;
    }

    private static void add(XYChart chart, String name, List<EpochPoint> points, boolean training, Color colour,
            org.knowm.xchart.style.markers.Marker marker, float[] dash) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, points.stream().mapToDouble(EpochPoint::epoch).toArray(),
                points.stream().mapToDouble(p -> training ? p.trainingLoss() : p.validationLoss()).toArray());
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(marker);
        series.setLineWidth(2f);
        if (dash != null) {
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
        }
    }

    private static void style(XYStyler styler, LearningCurve curve) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.LIGHT_GRAY);
        styler.setPlotGridLinesColor(new Color(232, 232, 232));
        styler.setLegendPosition(LegendPosition.InsideNE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setMarkerSize(7);
        styler.setChartTitleVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAntiAlias(true);
        List<EpochPoint> points = curve.epochs();
        int last = points.stream().mapToInt(EpochPoint::epoch).max().orElse(1);
        int first = points.stream().mapToInt(EpochPoint::epoch).min().orElse(1);
        // while training runs the axis spans the planned epochs, so the curve shows how far training has got
        int end = curve.status() == LearningCurve.Status.TRAINING ? Math.max(last, curve.plannedEpochs()) : last;
        // whole epochs only; a single epoch gets room on both sides
        styler.setXAxisMin(end == first ? first - 0.5 : (double) first);
        styler.setXAxisMax(end == first ? first + 0.5 : (double) end);
        styler.setXAxisDecimalPattern("0");
        styler.setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9
                ? String.format(Locale.ROOT, "%d", Math.round(x)) : "");
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (EpochPoint p : points) {
            for (double value : new double[] {p.trainingLoss(), p.validationLoss()}) {
                if (!Double.isNaN(value)) {
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
            }
        }
        styler.setYAxisLogarithmic(lowest > 0 && highest / lowest >= LOG_SPAN);
        styler.setyAxisTickLabelsFormattingFunction(LearningCurveChart::tick);
    }

    /** A loss tick: plain decimals from 0.001 to 10,000, else scientific (1.5E-5). */
    static String tick(double value) {
        double size = Math.abs(value);
        if (size == 0) {
            return "0";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return size >= 1e4 || size < 1e-3 ? new DecimalFormat("0.##E0", symbols).format(value)
                : new DecimalFormat("0.####", symbols).format(value);
    }

    /** The curve drawn into an image (works headless). */
    public static BufferedImage image(LearningCurve curve, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            LearningCurveChart component = new LearningCurveChart();
            component.setSize(width, height);
            component.show(curve);
            component.paintComponent(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
