package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks {@code org/knime} references against the signature list: a type must be listed (a {@code ref}-only type
 * has no described shape), and a field or method must resolve on the owner or its listed/JDK supertypes.
 */
public final class ReferenceCheck {

    private final SignatureList list;
    private final MemberLookup lookup;

    public ReferenceCheck(SignatureList list) {
        this.list = list;
        this.lookup = new MemberLookup(list);
    }

    /** One line per reference the list does not cover, saying what to do about it. */
    public List<String> problems(Collection<KnimeReferences.Reference> refs) {
        List<String> out = new ArrayList<>();
        for (KnimeReferences.Reference r : refs) {
            SignatureList.Type owner = list.type(r.owner());
            if (owner == null) {
                if (r.kind() == KnimeReferences.Kind.TYPE) {
                    out.add(r + ": type not in knime-5.3-api.txt or knime-5.3-additions.txt"
                            + (list.isRefOnly(r.owner()) ? " (only named by a 'ref' line, so its API is unknown)" : "")
                            + "; use a listed type or request it in signatures/knime-5.3-additions-request.conf (then "
                            + "run generator/extract-additions.sh and generate.sh)");
                }
                continue; // a member of an unlisted type: the TYPE reference already reports it
            }
            if (r.kind() != KnimeReferences.Kind.TYPE && !lookup.resolves(r.owner(), r.key())) {
                out.add(r + ": not in knime-5.3-api.txt or knime-5.3-additions.txt on " + owner.fqcn()
                        + " or its supertypes; it may be newer than KNIME 5.3 (see api-diff.txt): use a 5.3 member");
            }
        }
        return out;
    }
}
