package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.List;

/**
 * What the generator knows about a type (listed, stub or JDK): kind, type parameters, direct supertypes, methods and
 * constructors. {@code methods} is mutable so that required implementations can be added to incomplete listed types.
 */
final class TypeInfo {
    final String name;
    final boolean isInterface;
    final List<JType.TypeParam> typeParams;
    final JType.ClassRef superclass;
    final List<JType.ClassRef> interfaces;
    final List<Declaration> methods = new ArrayList<>();
    final List<Declaration> constructors = new ArrayList<>();
    /** The list entry, or null for stubs and JDK types. */
    final ListedType listed;

    TypeInfo(String name, boolean isInterface, List<JType.TypeParam> typeParams,
            JType.ClassRef superclass, List<JType.ClassRef> interfaces, ListedType listed) {
        this.name = name;
        this.isInterface = isInterface;
        this.typeParams = typeParams;
        this.superclass = superclass;
        this.interfaces = interfaces;
        this.listed = listed;
    }

    JType.TypeParam typeParam(String varName) {
        return typeParams.stream().filter(p -> p.name().equals(varName)).findFirst().orElse(null);
    }

    List<JType.ClassRef> directSupertypes() {
        List<JType.ClassRef> result = new ArrayList<>();
        if (superclass != null) {
            result.add(superclass);
        }
        result.addAll(interfaces);
        return result;
    }
}
