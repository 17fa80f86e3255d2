package org.knime.core.data;

/** Double of KNIME's FuzzyNumberValue. */
public interface FuzzyNumberValue extends DataValue {
    double getCore();

    double getMaxSupport();

    double getMinSupport();
}
