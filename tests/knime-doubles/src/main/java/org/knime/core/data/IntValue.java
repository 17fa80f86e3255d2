package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's IntValue. */
public interface IntValue extends DataValue {
    UtilityFactory UTILITY = new IntUtilityFactory();

    int getIntValue();

    /** Names the value type "Number (integer)". */
    class IntUtilityFactory extends ExtensibleUtilityFactory {
        protected IntUtilityFactory() {
            super(IntValue.class);
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
            return "Number (integer)";
        }
    }
}
