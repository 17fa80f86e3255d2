package org.gfe.knime.surfacegen;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Java type as written in the signature list: class names are canonical ({@code a.b.Outer.Inner}); any simple
 * name without a dot that is not a primitive is a type variable (the list qualifies every class name).
 */
sealed interface JType {

    Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    /** Source text in the list's style: {@code java.util.Set<? extends a.B>}. */
    String render();

    /** Replaces type variables by the given types (others are kept). */
    JType substitute(Map<String, JType> map);

    record Primitive(String name) implements JType {
        public String render() {
            return name;
        }

        public JType substitute(Map<String, JType> map) {
            return this;
        }
    }

    record ClassRef(String name, List<JType> args) implements JType {
        public String render() {
            return args.isEmpty() ? name
                    : name + args.stream().map(JType::render).collect(Collectors.joining(", ", "<", ">"));
        }

        public JType substitute(Map<String, JType> map) {
            return new ClassRef(name, args.stream().map(a -> a.substitute(map)).toList());
        }
    }

    record TypeVar(String name) implements JType {
        public String render() {
            return name;
        }

        public JType substitute(Map<String, JType> map) {
            return map.getOrDefault(name, this);
        }
    }

    record ArrayOf(JType component) implements JType {
        public String render() {
            return component.render() + "[]";
        }

        public JType substitute(Map<String, JType> map) {
            return new ArrayOf(component.substitute(map));
        }
    }

    /** {@code ?}, {@code ? extends B} or {@code ? super B}; {@code bound} is null for {@code ?}. */
    record Wildcard(String relation, JType bound) implements JType {
        public String render() {
            return bound == null ? "?" : "? " + relation + " " + bound.render();
        }

        public JType substitute(Map<String, JType> map) {
            return bound == null ? this : new Wildcard(relation, bound.substitute(map));
        }
    }

    /** A declared type parameter with its bounds (empty = Object). */
    record TypeParam(String name, List<JType> bounds) {
        String render() {
            return bounds.isEmpty() ? name
                    : name + " extends " + bounds.stream().map(JType::render).collect(Collectors.joining(" & "));
        }

        TypeParam substitute(Map<String, JType> map) {
            return new TypeParam(name, bounds.stream().map(b -> b.substitute(map)).toList());
        }
    }

    static String renderParams(List<TypeParam> params) {
        return params.isEmpty() ? "" : params.stream().map(TypeParam::render).collect(Collectors.joining(", ", "<", ">"));
    }

    /**
     * The erasure as a canonical class name (or primitive, with {@code []}); type variables erase to their leftmost
     * bound, looked up in {@code bounds} (unknown variables erase to Object).
     */
    static String erasure(JType type, Function<String, TypeParam> bounds) {
        if (type instanceof Primitive p) {
            return p.name();
        } else if (type instanceof ClassRef c) {
            return c.name();
        } else if (type instanceof ArrayOf a) {
            return erasure(a.component(), bounds) + "[]";
        } else if (type instanceof TypeVar v) {
            TypeParam param = bounds.apply(v.name());
            return param == null || param.bounds().isEmpty() ? "java.lang.Object"
                    : erasure(param.bounds().get(0), bounds);
        }
        throw new IllegalArgumentException("no erasure for " + type.render());
    }
}
