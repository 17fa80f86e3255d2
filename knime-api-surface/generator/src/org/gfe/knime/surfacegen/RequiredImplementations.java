package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds abstract methods that a concrete listed class inherits but that no listed member implements. This happens
 * where the chain passes through a {@code header}/{@code select}/{@code supertype-header} type, whose non-abstract
 * members the list leaves out (e.g. {@code ConfigBase} implements {@code ConfigBaseRO}). The compiler demands an
 * implementation, so one is added to the highest such incomplete class that is a subtype of the declaring type
 * (where KNIME itself implements it). These additions are recorded in signatures/surface-supplements.txt.
 */
final class RequiredImplementations {

    /** A method added to {@code holder} because {@code declaredBy} declares it abstract. */
    record Supplement(String holder, String declaredBy, Declaration declaration) {
    }

    private final TypeUniverse universe;
    private final List<Supplement> supplements = new ArrayList<>();

    private RequiredImplementations(TypeUniverse universe) {
        this.universe = universe;
    }

    static List<Supplement> plan(TypeUniverse universe, List<ListedType> types) {
        RequiredImplementations planner = new RequiredImplementations(universe);
        for (ListedType t : types) {
            if (!t.isAbstract()) {
                planner.complete(universe.get(t.fqcn()));
            }
        }
        return planner.supplements;
    }

    private void complete(TypeInfo concrete) {
        Map<String, Abstract> abstracts = new LinkedHashMap<>();
        Set<String> implemented = new HashSet<>();
        for (TypeUniverse.Supertype s : universe.supertypes(concrete)) {
            for (Declaration m : s.type().methods) {
                if (m.has("static") || m.has("private")) {
                    continue;
                }
                String key = key(concrete, s.map(), m);
                if (m.has("abstract")) {
                    abstracts.putIfAbsent(key, new Abstract(s.type(), m));
                } else {
                    implemented.add(key);
                }
            }
        }
        for (Map.Entry<String, Abstract> e : abstracts.entrySet()) {
            if (!implemented.contains(e.getKey())) {
                addImplementation(concrete, e.getValue());
            }
        }
    }

    private record Abstract(TypeInfo declaredBy, Declaration method) {
    }

    private void addImplementation(TypeInfo concrete, Abstract missing) {
        TypeInfo holder = null;
        for (TypeInfo c = concrete; c != null && c.listed != null; c = c.superclass == null ? null : universe.get(c.superclass.name())) {
            if (!c.listed.complete() && c != missing.declaredBy() && universe.isSubtype(c.name, missing.declaredBy().name)) {
                holder = c;
            }
        }
        if (holder == null) {
            throw new IllegalStateException(concrete.name + " is concrete but nothing listed implements "
                    + missing.declaredBy().name + "." + missing.method().name()
                    + ", and no header/select/supertype-header superclass can hold an implementation: check the list");
        }
        TypeInfo h = holder;
        Map<String, JType> map = universe.supertypes(h).stream().filter(s -> s.type() == missing.declaredBy())
                .findFirst().orElseThrow().map();
        Declaration m = missing.method();
        Map<String, JType> outer = withoutMethodVars(map, m);
        Declaration impl = new Declaration(List.of(m.access()),
                m.typeParams().stream().map(p -> p.substitute(outer)).toList(), m.type().substitute(outer), m.name(),
                m.params().stream().map(p -> p.substitute(outer)).toList(), m.varargs(),
                m.throwsList().stream().map(x -> x.substitute(outer)).toList());
        holder.methods.add(impl);
        supplements.add(new Supplement(holder.name, missing.declaredBy().name, impl));
    }

    /** name(erasure of each parameter) in the concrete type's context, so overrides match across generics. */
    private String key(TypeInfo context, Map<String, JType> map, Declaration m) {
        Map<String, JType> outer = withoutMethodVars(map, m);
        Map<String, JType.TypeParam> methodVars = new HashMap<>();
        m.typeParams().forEach(p -> methodVars.put(p.name(), p.substitute(outer)));
        Function<String, JType.TypeParam> bounds = v -> methodVars.containsKey(v) ? methodVars.get(v) : context.typeParam(v);
        return m.name() + m.params().stream().map(p -> JType.erasure(p.substitute(outer), bounds))
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static Map<String, JType> withoutMethodVars(Map<String, JType> map, Declaration m) {
        Map<String, JType> copy = new HashMap<>(map);
        m.typeParams().forEach(p -> copy.remove(p.name()));
        return copy;
    }
}
