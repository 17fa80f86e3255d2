package org.knime.core.data.vector.doublevector;

import javax.swing.Icon;

import org.knime.core.data.DataValue;
import org.knime.core.data.ExtensibleUtilityFactory;

/** Double of KNIME's DoubleVectorValue. */
public interface DoubleVectorValue extends DataValue {
    UtilityFactory UTILITY = new DoubleVectorUtilityFactory();

    int getLength();

    double getValue(int index);

    /** Names the value type "Double vector". */
    class DoubleVectorUtilityFactory extends ExtensibleUtilityFactory {
        protected DoubleVectorUtilityFactory() {
            super(DoubleVectorValue.class);
        }

        public String getGroupName() {
            return "Vector";
        }

        @Override
        public Icon getIcon() {
            return null;
        }

        @Override
        public String getName() {
            return "Double vector";
        }
    }
}
