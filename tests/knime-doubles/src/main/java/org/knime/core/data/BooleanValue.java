package org.knime.core.data;

import javax.swing.Icon;

/** Double of KNIME's BooleanValue. */
public interface BooleanValue extends DataValue {
    UtilityFactory UTILITY = new BooleanUtilityFactory();

    boolean getBooleanValue();

    /** Names the value type "Boolean value" (group "Basic"). */
    class BooleanUtilityFactory extends ExtensibleUtilityFactory {
        protected BooleanUtilityFactory() {
            super(BooleanValue.class);
        }

        @Override
        public Icon getIcon() {
            return null;
        }

        @Override
        public String getName() {
            return "Boolean value";
        }

        public String getGroupName() {
            return "Basic";
        }
    }
}
