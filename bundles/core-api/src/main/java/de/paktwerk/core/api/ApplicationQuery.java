package de.paktwerk.core.api;

/**
 * Which applications a list shows and in which order: for the office's inbox over 1,101 bodies, searched by the
 * applicant's name or key and paged by the server.
 *
 * @param applicantKey only this applicant (official key), or null
 * @param providerId only what this provider applied for in its own name, or null
 * @param areaId only this funding area, or null
 * @param state only this state, or null
 * @param text part of the applicant's name (any case) or the beginning of its key, or null
 * @param districtKey only applicants of this district (five digits), or null
 * @param drafts whether drafts are listed: the applicant's own lists show them, the office's do not (a draft is not
 *               filed yet)
 * @param sort the order
 * @param descending whether the order is reversed (ties: newest application first)
 * @param undecided only applications without a decision yet (what waits for the office)
 * @since 2.3
 */
public record ApplicationQuery(String applicantKey, Long providerId, String areaId, ApplicationState state, String text,
                               String districtKey, boolean drafts, Sort sort, boolean descending, boolean undecided) {

    /** What a list can be sorted by. */
    public enum Sort {
        /** the application's number (the order of filing) */
        ID,
        /** the applicant's name */
        APPLICANT,
        /** the funding area */
        AREA,
        /** the funding period */
        PERIOD,
        /** the amount asked for */
        REQUESTED,
        /** the state */
        STATE,
        /** the last change */
        UPDATED
    }

    /** Any decided or not. */
    public ApplicationQuery(String applicantKey, Long providerId, String areaId, ApplicationState state, String text, String districtKey,
                            boolean drafts, Sort sort, boolean descending) {
        this(applicantKey, providerId, areaId, state, text, districtKey, drafts, sort, descending, false);
    }

    public ApplicationQuery {
        sort = sort == null ? Sort.ID : sort;
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("Der Suchtext ist länger als 200 Zeichen.", "q");
        }
        if (districtKey != null && !districtKey.isBlank() && !districtKey.matches("\\d{5}")) {
            throw new InvalidInputException("Der Landkreis ist mit seinem fünfstelligen Schlüssel anzugeben, z. B. 08425.", "district");
        }
    }
}
