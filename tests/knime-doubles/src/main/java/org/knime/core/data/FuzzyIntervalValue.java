package org.knime.core.data;

/** Double of KNIME's FuzzyIntervalValue. */
public interface FuzzyIntervalValue extends DataValue {
    double getCenterOfGravity();

    double getMaxCore();

    double getMaxSupport();

    double getMinCore();

    double getMinSupport();
}
