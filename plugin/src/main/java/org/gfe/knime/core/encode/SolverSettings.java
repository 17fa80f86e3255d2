package org.gfe.knime.core.encode;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/**
 * How rows are encoded: which flow, which solver, and the solver's parameters. Immutable; build with
 * {@link #builder()} or start from {@link #defaults()} (the reference's MNIST configuration, spec section 4) and
 * change what differs with {@link #toBuilder()}.
 *
 * <p>Names follow the spec: tau = {@link #endTime()}, alpha = {@link #flowRate()}, h0 = {@link #initialStep()},
 * hmax = {@link #maximumStep()}, rho = {@link #shrinkFactor()}, K = {@link #giveUpExponent()}, sigma =
 * {@link #armijoConstant()}, gtol = {@link #convergenceTolerance()}, p = {@link #monitoringFraction()}, hconv =
 * {@link #forcedStep()}.
 *
 * <p>Choices of our own (the reference has no usable value): {@link #gridPoints()} = 1001 for the fixed-step solvers,
 * so their step over tau = 1e4 is 10, the AMD's largest step (the reference's 10 points give steps of 1111, unstable
 * for any real decoder); Dormand-Prince tolerances are the reference config's ODE_RTOL 1e-5 and ODE_ATOL 1e-9;
 * {@link #encodingBatchSize()} = 128 rows per solver batch (at most {@link #MAX_ENCODING_BATCH_SIZE}: PyTorch's CPU
 * matrix products round a row alike in any batch of 16 to 176 rows but switch kernels above, which would make a row's
 * code depend on its batch; 64 to 128 rows were also the fastest on MNIST).
 */
public final class SolverSettings {

    /**
     * The newest stream format: {@link #read} reads versions 1 to this; {@link #write} writes the oldest version that
     * holds the settings (version 2 added the initial state LINEAR_PROJECTION and the stationarity tolerance).
     */
    public static final int FORMAT_VERSION = 2;

    /** Largest encoding batch: see the class comment. */
    public static final int MAX_ENCODING_BATCH_SIZE = 128;

    private static final SolverSettings DEFAULTS = new Builder().build();

    private final FlowOrder flowOrder;
    private final IntegratorKind integrator;
    private final double endTime;
    private final double flowRate;
    private final double initialStep;
    private final double maximumStep;
    private final double shrinkFactor;
    private final int giveUpExponent;
    private final double armijoConstant;
    private final double convergenceTolerance;
    private final double monitoringFraction;
    private final double forcedStep;
    private final int gridPoints;
    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final InitialState initialState;
    private final long seed;
    private final int encodingBatchSize;
    private final double stationarityTolerance;

    private SolverSettings(Builder b) {
        flowOrder = b.flowOrder;
        integrator = b.integrator;
        endTime = b.endTime;
        flowRate = b.flowRate;
        initialStep = b.initialStep;
        maximumStep = b.maximumStep;
        shrinkFactor = b.shrinkFactor;
        giveUpExponent = b.giveUpExponent;
        armijoConstant = b.armijoConstant;
        convergenceTolerance = b.convergenceTolerance;
        monitoringFraction = b.monitoringFraction;
        forcedStep = b.forcedStep;
        gridPoints = b.gridPoints;
        relativeTolerance = b.relativeTolerance;
        absoluteTolerance = b.absoluteTolerance;
        initialState = b.initialState;
        seed = b.seed;
        encodingBatchSize = b.encodingBatchSize;
        stationarityTolerance = b.stationarityTolerance;
    }

    /** The reference's MNIST configuration with per-row AMD, first-order flow and a seeded uniform start. */
    public static SolverSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public FlowOrder flowOrder() {
        return flowOrder;
    }

    public IntegratorKind integrator() {
        return integrator;
    }

    /** tau: the flow runs over t in [0, tau]. */
    public double endTime() {
        return endTime;
    }

    /** alpha: the flow's speed, dz/dt = -alpha grad L. */
    public double flowRate() {
        return flowRate;
    }

    /** h0: AMD's first step and the lower clamp of its step growth. */
    public double initialStep() {
        return initialStep;
    }

    /** hmax: AMD's largest step; also scales its Armijo test. */
    public double maximumStep() {
        return maximumStep;
    }

    /** rho: AMD's step shrink factor after a rejected attempt, in (0, 1). */
    public double shrinkFactor() {
        return shrinkFactor;
    }

    /** K: AMD forces a step once its step has shrunk below rho^K. */
    public int giveUpExponent() {
        return giveUpExponent;
    }

    /** sigma: AMD's Armijo constant. */
    public double armijoConstant() {
        return armijoConstant;
    }

    /** gtol: AMD stops once the slope of the monitored mean loss is below this. */
    public double convergenceTolerance() {
        return convergenceTolerance;
    }

    /** p: AMD monitors convergence once (tau - t)/tau is at most p. */
    public double monitoringFraction() {
        return monitoringFraction;
    }

    /** hconv: the clock advance of a forced AMD step. */
    public double forcedStep() {
        return forcedStep;
    }

    /** N: points of the uniform grid over [0, tau] for Euler and RK4 (N - 1 steps). */
    public int gridPoints() {
        return gridPoints;
    }

    /** Dormand-Prince relative tolerance. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Dormand-Prince absolute tolerance. */
    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    public InitialState initialState() {
        return initialState;
    }

    /** Seed of the uniform initial state (combined with each row's identity). */
    public long seed() {
        return seed;
    }

    /** Rows per solver batch when encoding. */
    public int encodingBatchSize() {
        return encodingBatchSize;
    }

    /**
     * Per-row AMD only, beyond the reference (0 = off): a row has also converged once the squared norm of its flow
     * is at most this times its loss, {@code ||f(z)||^2 <= tolerance * l(z)}.
     */
    public double stationarityTolerance() {
        return stationarityTolerance;
    }

    /** The stream format version {@link #write} uses: the oldest that holds these settings. */
    public int formatVersion() {
        return initialState == InitialState.LINEAR_PROJECTION || stationarityTolerance != 0 ? 2 : 1;
    }

    /** Writes these settings, versioned, for {@link #read(DataInput)}. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(formatVersion());
        out.writeUTF(flowOrder.name());
        out.writeUTF(integrator.name());
        out.writeDouble(endTime);
        out.writeDouble(flowRate);
        out.writeDouble(initialStep);
        out.writeDouble(maximumStep);
        out.writeDouble(shrinkFactor);
        out.writeInt(giveUpExponent);
        out.writeDouble(armijoConstant);
        out.writeDouble(convergenceTolerance);
        out.writeDouble(monitoringFraction);
        out.writeDouble(forcedStep);
        out.writeInt(gridPoints);
        out.writeDouble(relativeTolerance);
        out.writeDouble(absoluteTolerance);
        out.writeUTF(initialState.name());
        out.writeLong(seed);
        out.writeInt(encodingBatchSize);
        if (formatVersion() >= 2) {
            out.writeDouble(stationarityTolerance);
        }
    }

    /** Reads settings written by {@link #write(DataOutput)}; a newer format version is a clear error. */
    public static SolverSettings read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("Solver settings were written in format version " + version
                    + "; this version of GFE reads versions 1 to " + FORMAT_VERSION
                    + ". Update the GFE extension to read them.");
        }
        try {
            Builder read = builder().flowOrder(FlowOrder.valueOf(in.readUTF()))
                    .integrator(IntegratorKind.valueOf(in.readUTF()))
                    .endTime(in.readDouble())
                    .flowRate(in.readDouble())
                    .initialStep(in.readDouble())
                    .maximumStep(in.readDouble())
                    .shrinkFactor(in.readDouble())
                    .giveUpExponent(in.readInt())
                    .armijoConstant(in.readDouble())
                    .convergenceTolerance(in.readDouble())
                    .monitoringFraction(in.readDouble())
                    .forcedStep(in.readDouble())
                    .gridPoints(in.readInt())
                    .relativeTolerance(in.readDouble())
                    .absoluteTolerance(in.readDouble())
                    .initialState(InitialState.valueOf(in.readUTF()))
                    .seed(in.readLong())
                    .encodingBatchSize(in.readInt());
            if (version >= 2) {
                read.stationarityTolerance(in.readDouble());
            }
            return read.build();
        } catch (IllegalArgumentException e) {
            throw new IOException("Stored solver settings are invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SolverSettings s)) {
            return false;
        }
        return flowOrder == s.flowOrder && integrator == s.integrator
                && Double.compare(endTime, s.endTime) == 0 && Double.compare(flowRate, s.flowRate) == 0
                && Double.compare(initialStep, s.initialStep) == 0 && Double.compare(maximumStep, s.maximumStep) == 0
                && Double.compare(shrinkFactor, s.shrinkFactor) == 0 && giveUpExponent == s.giveUpExponent
                && Double.compare(armijoConstant, s.armijoConstant) == 0
                && Double.compare(convergenceTolerance, s.convergenceTolerance) == 0
                && Double.compare(monitoringFraction, s.monitoringFraction) == 0
                && Double.compare(forcedStep, s.forcedStep) == 0 && gridPoints == s.gridPoints
                && Double.compare(relativeTolerance, s.relativeTolerance) == 0
                && Double.compare(absoluteTolerance, s.absoluteTolerance) == 0
                && initialState == s.initialState && seed == s.seed && encodingBatchSize == s.encodingBatchSize
                && Double.compare(stationarityTolerance, s.stationarityTolerance) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flowOrder, integrator, endTime, flowRate, initialStep, maximumStep, shrinkFactor,
                giveUpExponent, armijoConstant, convergenceTolerance, monitoringFraction, forcedStep, gridPoints,
                relativeTolerance, absoluteTolerance, initialState, seed, encodingBatchSize, stationarityTolerance);
    }

    @Override
    public String toString() {
        return "SolverSettings[flow=" + flowOrder + ", integrator=" + integrator + ", tau=" + endTime + ", alpha="
                + flowRate + ", h0=" + initialStep + ", hmax=" + maximumStep + ", rho=" + shrinkFactor + ", K="
                + giveUpExponent + ", sigma=" + armijoConstant + ", gtol=" + convergenceTolerance + ", p="
                + monitoringFraction + ", hconv=" + forcedStep + ", gridPoints=" + gridPoints + ", rtol="
                + relativeTolerance + ", atol=" + absoluteTolerance + ", initialState=" + initialState + ", seed="
                + seed + ", encodingBatchSize=" + encodingBatchSize + ", stationarity=" + stationarityTolerance + "]";
    }

    /** Builder of {@link SolverSettings}; {@link #build()} checks every value and names the first bad one. */
    public static final class Builder {
        private FlowOrder flowOrder = FlowOrder.FIRST;
        private IntegratorKind integrator = IntegratorKind.AMD_PER_ROW;
        private double endTime = 1e4;
        private double flowRate = 1;
        private double initialStep = 1;
        private double maximumStep = 10;
        private double shrinkFactor = 0.5;
        private int giveUpExponent = 20;
        private double armijoConstant = 1e-5;
        private double convergenceTolerance = 1e-5;
        private double monitoringFraction = 0.98;
        private double forcedStep = 10;
        private int gridPoints = 1001;
        private double relativeTolerance = 1e-5;
        private double absoluteTolerance = 1e-9;
        private InitialState initialState = InitialState.SEEDED_UNIFORM;
        private long seed = 2020;
        private int encodingBatchSize = 128;
        private double stationarityTolerance = 0;

        private Builder() {
        }

        private Builder(SolverSettings s) {
            flowOrder = s.flowOrder;
            integrator = s.integrator;
            endTime = s.endTime;
            flowRate = s.flowRate;
            initialStep = s.initialStep;
            maximumStep = s.maximumStep;
            shrinkFactor = s.shrinkFactor;
            giveUpExponent = s.giveUpExponent;
            armijoConstant = s.armijoConstant;
            convergenceTolerance = s.convergenceTolerance;
            monitoringFraction = s.monitoringFraction;
            forcedStep = s.forcedStep;
            gridPoints = s.gridPoints;
            relativeTolerance = s.relativeTolerance;
            absoluteTolerance = s.absoluteTolerance;
            initialState = s.initialState;
            seed = s.seed;
            encodingBatchSize = s.encodingBatchSize;
            stationarityTolerance = s.stationarityTolerance;
        }

        public Builder flowOrder(FlowOrder value) {
            flowOrder = value;
            return this;
        }

        public Builder integrator(IntegratorKind value) {
            integrator = value;
            return this;
        }

        public Builder endTime(double value) {
            endTime = value;
            return this;
        }

        public Builder flowRate(double value) {
            flowRate = value;
            return this;
        }

        public Builder initialStep(double value) {
            initialStep = value;
            return this;
        }

        public Builder maximumStep(double value) {
            maximumStep = value;
            return this;
        }

        public Builder shrinkFactor(double value) {
            shrinkFactor = value;
            return this;
        }

        public Builder giveUpExponent(int value) {
            giveUpExponent = value;
            return this;
        }

        public Builder armijoConstant(double value) {
            armijoConstant = value;
            return this;
        }

        public Builder convergenceTolerance(double value) {
            convergenceTolerance = value;
            return this;
        }

        public Builder monitoringFraction(double value) {
            monitoringFraction = value;
            return this;
        }

        public Builder forcedStep(double value) {
            forcedStep = value;
            return this;
        }

        public Builder gridPoints(int value) {
            gridPoints = value;
            return this;
        }

        public Builder relativeTolerance(double value) {
            relativeTolerance = value;
            return this;
        }

        public Builder absoluteTolerance(double value) {
            absoluteTolerance = value;
            return this;
        }

        public Builder initialState(InitialState value) {
            initialState = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder encodingBatchSize(int value) {
            encodingBatchSize = value;
            return this;
        }

        public Builder stationarityTolerance(double value) {
            stationarityTolerance = value;
            return this;
        }

        /** Checks every value and builds; a bad value throws IllegalArgumentException naming the setting. */
        public SolverSettings build() {
            require(flowOrder != null, "Flow order must be set (FIRST or SECOND).");
            require(integrator != null, "Integrator must be set.");
            require(initialState != null, "Initial state must be set (ZEROS, SEEDED_UNIFORM or LINEAR_PROJECTION).");
            require(!(flowOrder == FlowOrder.SECOND && integrator == IntegratorKind.EULER),
                    "The EULER integrator cannot solve the SECOND-order flow: explicit Euler raises the energy of the"
                            + " flow's undamped oscillation on every step and the run blows up. Use RK4, AMD or"
                            + " DORMAND_PRINCE for the second-order flow.");
            positive(endTime, "End time tau");
            positive(flowRate, "Flow rate alpha");
            positive(initialStep, "Initial step h0");
            positive(maximumStep, "Maximum step hmax");
            require(maximumStep >= initialStep, "Maximum step hmax (" + maximumStep
                    + ") must be at least the initial step h0 (" + initialStep + ").");
            require(shrinkFactor > 0 && shrinkFactor < 1, "Shrink factor rho must lie strictly between 0 and 1, was "
                    + shrinkFactor + ".");
            require(giveUpExponent >= 1 && giveUpExponent <= 1000, "Give-up exponent K must lie in 1..1000, was "
                    + giveUpExponent + ".");
            require(armijoConstant >= 0 && armijoConstant < 1, "Armijo constant sigma must lie in [0, 1), was "
                    + armijoConstant + ".");
            require(convergenceTolerance >= 0 && Double.isFinite(convergenceTolerance),
                    "Convergence tolerance gtol must be zero or positive, was " + convergenceTolerance + ".");
            require(monitoringFraction > 0 && monitoringFraction <= 1,
                    "Monitoring fraction p must lie in (0, 1], was " + monitoringFraction + ".");
            positive(forcedStep, "Forced step hconv");
            require(gridPoints >= 2, "Grid points N must be at least 2, was " + gridPoints + ".");
            positive(relativeTolerance, "Relative tolerance rtol");
            require(absoluteTolerance >= 0 && Double.isFinite(absoluteTolerance),
                    "Absolute tolerance atol must be zero or positive, was " + absoluteTolerance + ".");
            require(stationarityTolerance >= 0 && Double.isFinite(stationarityTolerance),
                    "Stationarity tolerance must be zero (off) or positive, was " + stationarityTolerance + ".");
            require(encodingBatchSize >= 1 && encodingBatchSize <= MAX_ENCODING_BATCH_SIZE,
                    "Encoding batch size must lie in 1.." + MAX_ENCODING_BATCH_SIZE + " (larger batches make a row's"
                            + " code depend on its batch-mates), was " + encodingBatchSize + ".");
            return new SolverSettings(this);
        }

        private static void positive(double value, String name) {
            require(value > 0 && Double.isFinite(value), name + " must be a positive finite number, was " + value + ".");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
