package org.knime.core.data;

/** Double of KNIME's ComplexNumberValue. */
public interface ComplexNumberValue extends DataValue {
    double getImaginaryValue();

    double getRealValue();
}
