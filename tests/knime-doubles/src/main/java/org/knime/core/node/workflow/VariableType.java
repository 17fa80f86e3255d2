package org.knime.core.node.workflow;

import java.util.function.BiPredicate;

import org.knime.core.node.config.Config;

/**
 * Double of KNIME's VariableType: the type of a flow variable value. Only {@link #getSimpleType()} of the public
 * API is modelled; the default value and conversions are package-private.
 */
public abstract class VariableType<T> {
    public VariableType() {
    }

    /** The Java class of values of this type. */
    public abstract Class<T> getSimpleType();

    /** The value of a variable created without one. */
    abstract T defaultValue();

    /** Converts a value of another type if KNIME would (int to long/double, long to double, any to string). */
    final T convert(final Object value) {
        final Class<T> target = getSimpleType();
        if (value == null || target.isInstance(value)) {
            return target.cast(value);
        }
        if (target == String.class) {
            return target.cast(String.valueOf(value));
        }
        if (target == Double.class && (value instanceof Integer || value instanceof Long)) {
            return target.cast(((Number)value).doubleValue());
        }
        if (target == Long.class && value instanceof Integer) {
            return target.cast(((Integer)value).longValue());
        }
        throw new IllegalArgumentException("A " + value.getClass().getSimpleName() + " flow variable value ("
            + value + ") cannot be read as " + target.getSimpleName());
    }

    /** A type with simple values; the predicates say which config entries it can fill (unused by the double). */
    protected abstract static class DefaultVariableType<T> extends VariableType<T> {
        private final Class<T> m_simpleType;

        private final T m_default;

        protected DefaultVariableType(final BiPredicate<Config, String> canOverwrite) {
            this(canOverwrite, canOverwrite);
        }

        protected DefaultVariableType(final BiPredicate<Config, String> canOverwrite,
            final BiPredicate<Config, String> canCreateFrom) {
            m_simpleType = null;
            m_default = null;
        }

        DefaultVariableType(final Class<T> simpleType, final T defaultValue) {
            m_simpleType = simpleType;
            m_default = defaultValue;
        }

        @Override
        public Class<T> getSimpleType() {
            if (m_simpleType == null) {
                throw new UnsupportedOperationException(getClass().getName() + " is not a type of the test double");
            }
            return m_simpleType;
        }

        @Override
        T defaultValue() {
            return m_default;
        }
    }

    /** Double values. */
    public static final class DoubleType extends DefaultVariableType<Double> {
        public static final DoubleType INSTANCE = new DoubleType();

        private DoubleType() {
            super(Double.class, 0.0);
        }
    }

    /** Int values. */
    public static final class IntType extends DefaultVariableType<Integer> {
        public static final IntType INSTANCE = new IntType();

        private IntType() {
            super(Integer.class, 0);
        }
    }

    /** Long values. */
    public static final class LongType extends DefaultVariableType<Long> {
        public static final LongType INSTANCE = new LongType();

        private LongType() {
            super(Long.class, 0L);
        }
    }

    /** String values. */
    public static final class StringType extends DefaultVariableType<String> {
        public static final StringType INSTANCE = new StringType();

        private StringType() {
            super(String.class, "");
        }
    }

    /** Boolean values. */
    public static final class BooleanType extends DefaultVariableType<Boolean> {
        public static final BooleanType INSTANCE = new BooleanType();

        private BooleanType() {
            super(Boolean.class, false);
        }
    }
}
