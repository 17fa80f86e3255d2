package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans the minimal stubs for types that listed signatures mention but the list does not describe ({@code ref}
 * lines), plus stubs for the classes that enclose a nested {@code ref} type. Stubs carry no members: only the kind,
 * as many type parameters as the list uses, and {@code extends java.lang.Exception} if the type is thrown.
 */
final class StubPlan {

    /**
     * One stub. {@code listedOuter} is the listed type it is nested in (null otherwise); {@code reason} explains why it
     * exists and goes to signatures/extra-types.txt.
     */
    record Stub(String fqcn, String binary, String kind, List<JType.TypeParam> typeParams, JType.ClassRef superclass,
            String reason, String listedOuter) {
    }

    private final Map<String, Stub> stubs = new LinkedHashMap<>();

    List<Stub> stubs() {
        return new ArrayList<>(stubs.values());
    }

    static StubPlan of(SignatureFile list) {
        Map<String, Integer> arity = new HashMap<>();
        Set<String> thrown = new HashSet<>();
        Map<String, String> usedBy = new HashMap<>();
        for (ListedType t : list.types) {
            Consumer<JType> count = type -> visit(type, c -> arity.merge(c.name(), c.args().size(), Math::max));
            TypeParser.parseTypeParams(t.typeParams()).forEach(p -> p.bounds().forEach(count));
            TypeParser.parseList(t.extendsText()).forEach(count);
            TypeParser.parseList(t.implementsText()).forEach(count);
            for (ListedMember m : t.members()) {
                if (m.is("nestedtype")) {
                    continue;
                }
                Declaration d = Declaration.parse(m.kind(), m.declaration());
                List<JType> all = new ArrayList<>(d.params());
                d.typeParams().forEach(p -> all.addAll(p.bounds()));
                if (d.type() != null) {
                    all.add(d.type());
                }
                all.addAll(d.throwsList());
                for (JType type : all) {
                    visit(type, c -> {
                        arity.merge(c.name(), c.args().size(), Math::max);
                        usedBy.putIfAbsent(c.name(), m.owner() + "." + d.name());
                    });
                }
                d.throwsList().forEach(x -> thrown.add(((JType.ClassRef) x).name()));
            }
        }
        Set<String> listed = new HashSet<>();
        list.types.forEach(t -> listed.add(t.fqcn()));
        StubPlan plan = new StubPlan();
        for (RefType ref : list.refs) {
            int n = arity.getOrDefault(ref.fqcn(), 0);
            List<JType.TypeParam> params = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                params.add(new JType.TypeParam(n == 1 ? "T" : "T" + i, List.of()));
            }
            boolean exception = thrown.contains(ref.fqcn());
            String kind = ref.kind().equals("?") ? "class" : ref.kind();
            JType.ClassRef superclass = exception ? new JType.ClassRef("java.lang.Exception", List.of()) : null;
            String reason = (ref.external() ? "external type" : "ref, bundle " + ref.bundle())
                    + "; used by " + usedBy.get(ref.fqcn()) + (exception ? "; thrown, so it extends java.lang.Exception" : "");
            plan.add(ref.fqcn(), ref.binary(), kind, params, superclass, reason, listed);
        }
        return plan;
    }

    private void add(String fqcn, String binary, String kind, List<JType.TypeParam> params, JType.ClassRef superclass,
            String reason, Set<String> listed) {
        String listedOuter = null;
        int dollar = binary.lastIndexOf('$');
        if (dollar > 0) {
            String outer = fqcn.substring(0, fqcn.lastIndexOf('.'));
            if (listed.contains(outer)) {
                listedOuter = outer;
            } else if (!stubs.containsKey(outer)) {
                add(outer, binary.substring(0, dollar), "final class", List.of(), null,
                        "encloses " + fqcn + " (kind not given by the list)", listed);
            }
        }
        stubs.put(fqcn, new Stub(fqcn, binary, kind, params, superclass, reason, listedOuter));
    }

    private static void visit(JType type, Consumer<JType.ClassRef> action) {
        if (type instanceof JType.ClassRef c) {
            action.accept(c);
            c.args().forEach(a -> visit(a, action));
        } else if (type instanceof JType.ArrayOf a) {
            visit(a.component(), action);
        } else if (type instanceof JType.Wildcard w && w.bound() != null) {
            visit(w.bound(), action);
        }
    }
}
