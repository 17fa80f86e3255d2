package org.gfe.knime.node.solver;

import java.util.EnumSet;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Solver Settings node's options as settings models (defaults: the core's {@link SolverSettings#defaults()}),
 * turned into {@link SolverSettings} by {@link #toSolverSettings()}, which checks every value and names the first bad
 * one. Keys are short and stable: they are what users see in the flow variable tab.
 */
public final class SolverSettingsModels {

    /** Settings version written by this node. */
    public static final int VERSION = 1;

    private static final SolverSettings DEFAULTS = SolverSettings.defaults();

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelString flowOrder = versioned.string("flow_order", DEFAULTS.flowOrder().name());
    final SettingsModelString integrator = versioned.string("integrator", DEFAULTS.integrator().name());
    final SettingsModelDouble endTime = versioned.number("tau", DEFAULTS.endTime());
    final SettingsModelDouble flowRate = versioned.number("alpha", DEFAULTS.flowRate());
    final SettingsModelDouble initialStep = versioned.number("h0", DEFAULTS.initialStep());
    final SettingsModelDouble maximumStep = versioned.number("hmax", DEFAULTS.maximumStep());
    final SettingsModelDouble shrinkFactor = versioned.number("shrink_factor", DEFAULTS.shrinkFactor());
    final SettingsModelInteger giveUpExponent = versioned.integer("give_up_exponent", DEFAULTS.giveUpExponent());
    final SettingsModelDouble armijoConstant = versioned.number("armijo_sigma", DEFAULTS.armijoConstant());
    final SettingsModelDouble convergenceTolerance =
            versioned.number("convergence_tolerance", DEFAULTS.convergenceTolerance());
    final SettingsModelDouble monitoringFraction =
            versioned.number("monitoring_fraction", DEFAULTS.monitoringFraction());
    final SettingsModelDouble forcedStep = versioned.number("forced_step", DEFAULTS.forcedStep());
    final SettingsModelInteger gridPoints = versioned.integer("grid_points", DEFAULTS.gridPoints());
    final SettingsModelDouble relativeTolerance = versioned.number("rtol", DEFAULTS.relativeTolerance());
    final SettingsModelDouble absoluteTolerance = versioned.number("atol", DEFAULTS.absoluteTolerance());
    final SettingsModelString initialState = versioned.string("z0", DEFAULTS.initialState().name());
    final SettingsModelInteger seed = versioned.integer("seed", (int) DEFAULTS.seed());
    final SettingsModelInteger rowsPerBatch = versioned.integer("rows_per_batch", DEFAULTS.encodingBatchSize());

    public SolverSettingsModels() {
        // which options apply to which integrator and start (the dialog's components follow; see Enablement)
        versioned.enableFor(integrator, GfeChoices.INTEGRATOR,
                EnumSet.of(IntegratorKind.AMD_PER_ROW, IntegratorKind.AMD_REFERENCE), initialStep, maximumStep,
                shrinkFactor, giveUpExponent, armijoConstant, convergenceTolerance, monitoringFraction, forcedStep);
        versioned.enableFor(integrator, GfeChoices.INTEGRATOR, EnumSet.of(IntegratorKind.RK4, IntegratorKind.EULER),
                gridPoints);
        versioned.enableFor(integrator, GfeChoices.INTEGRATOR, EnumSet.of(IntegratorKind.DORMAND_PRINCE),
                relativeTolerance, absoluteTolerance);
        versioned.enableFor(initialState, GfeChoices.INITIAL_STATE, EnumSet.of(InitialState.SEEDED_UNIFORM), seed);
    }

    /** The settings these models describe. */
    public SolverSettings toSolverSettings() throws InvalidSettingsException {
        SolverSettings.Builder builder = SolverSettings.builder()
                .flowOrder(GfeChoices.FLOW_ORDER.parse(flowOrder, "Flow order"))
                .integrator(GfeChoices.INTEGRATOR.parse(integrator, "Integrator"))
                .endTime(endTime.getDoubleValue())
                .flowRate(flowRate.getDoubleValue())
                .initialStep(initialStep.getDoubleValue())
                .maximumStep(maximumStep.getDoubleValue())
                .shrinkFactor(shrinkFactor.getDoubleValue())
                .giveUpExponent(giveUpExponent.getIntValue())
                .armijoConstant(armijoConstant.getDoubleValue())
                .convergenceTolerance(convergenceTolerance.getDoubleValue())
                .monitoringFraction(monitoringFraction.getDoubleValue())
                .forcedStep(forcedStep.getDoubleValue())
                .gridPoints(gridPoints.getIntValue())
                .relativeTolerance(relativeTolerance.getDoubleValue())
                .absoluteTolerance(absoluteTolerance.getDoubleValue())
                .initialState(GfeChoices.INITIAL_STATE.parse(initialState, "Start of the flow z0"))
                .seed(seed.getIntValue())
                .encodingBatchSize(rowsPerBatch.getIntValue());
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(GfeChoices.inWords(e.getMessage()), e);
        }
    }

    public void save(NodeSettingsWO settings) {
        versioned.save(settings);
    }

    public void load(NodeSettingsRO settings) throws InvalidSettingsException {
        versioned.load(settings);
    }

    /** Checks stored settings without touching these models: every key, and the combination of values. */
    public static void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        SolverSettingsModels copy = new SolverSettingsModels();
        copy.versioned.validate(settings);
        copy.versioned.load(settings);
        copy.toSolverSettings();
    }
}
