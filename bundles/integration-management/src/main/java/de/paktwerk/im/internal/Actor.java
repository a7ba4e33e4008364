package de.paktwerk.im.internal;

/** The local actor responsible for an agreed measure. */
public enum Actor {
    /** kommunale/r Integrationsbeauftragte/r */
    INTEGRATION_OFFICER,
    /** ehrenamtlich Engagierte */
    VOLUNTEERS,
    /** ein Sprachkurs */
    LANGUAGE_COURSE,
    /** Jugendberufshelfer/in */
    YOUTH_CAREER_HELPER,
    OTHER
}
