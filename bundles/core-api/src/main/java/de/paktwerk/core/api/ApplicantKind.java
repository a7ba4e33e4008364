package de.paktwerk.core.api;

import java.util.Set;

/**
 * Who applies: a municipality, a Stadtkreis, a Landkreis (each also as school authority, Schulträger) or a provider
 * in its own name. A funding area says in its {@link AreaDescriptor} which kinds may apply.
 *
 * @since 2.0
 */
public enum ApplicantKind {
    GEMEINDE,
    STADTKREIS,
    LANDKREIS,
    PROVIDER;

    /** The local authorities: what an area allows unless it says otherwise. */
    public static final Set<ApplicantKind> BODIES = Set.of(GEMEINDE, STADTKREIS, LANDKREIS);

    /** The kind of a local authority. */
    public static ApplicantKind of(MunicipalityKind kind) {
        return switch (kind) {
            case GEMEINDE -> GEMEINDE;
            case STADTKREIS -> STADTKREIS;
            case LANDKREIS -> LANDKREIS;
        };
    }
}
