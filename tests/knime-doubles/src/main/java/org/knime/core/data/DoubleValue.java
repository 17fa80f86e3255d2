package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's DoubleValue. */
public interface DoubleValue extends DataValue {
    UtilityFactory UTILITY = new DoubleUtilityFactory();

    double getDoubleValue();

    /** Names the value type "Number (double)". */
    class DoubleUtilityFactory extends ExtensibleUtilityFactory {
        protected DoubleUtilityFactory() {
            super(DoubleValue.class);
        }

        public String getGroupName() {
            return "Number";
        }

        @Override
        public Icon getIcon() {
            return null;
        }

        @Override
        public String getName() {
            return "Number (double)";
        }
    }
}
