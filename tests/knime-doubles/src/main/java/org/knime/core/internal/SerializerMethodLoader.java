package org.knime.core.internal;

/** Double of KNIME's (deprecated) SerializerMethodLoader; only its marker interface is used. */
@Deprecated
public final class SerializerMethodLoader {
    private SerializerMethodLoader() {
    }

    /** Marker of serializers. */
    public interface Serializer<T> {
    }
}
