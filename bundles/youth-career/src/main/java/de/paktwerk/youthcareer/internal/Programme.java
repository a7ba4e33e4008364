package de.paktwerk.youthcareer.internal;

import de.paktwerk.core.api.ApplicantKind;
import java.util.Set;

/** The three sub-programmes of the area; each funds one type of position. */
public enum Programme {
    /** Additional school social work; the school authority applies, the KVJS approves. */
    SCHOOL_SOCIAL_WORK("Schulsozialarbeit", "Kommunalverband für Jugend und Soziales (KVJS)",
            Set.of(ApplicantKind.GEMEINDE, ApplicantKind.STADTKREIS, ApplicantKind.LANDKREIS)),
    /** AVdual companions at vocational schools; Stadt- and Landkreise apply, the economics ministry approves. */
    AVDUAL_COMPANION("AVdual-Begleitung", "Ministerium für Wirtschaft, Arbeit und Tourismus",
            Set.of(ApplicantKind.STADTKREIS, ApplicantKind.LANDKREIS)),
    /** Youth career helpers; a provider or a district applies, the education ministry manages the funds. */
    YOUTH_CAREER_HELPER("Jugendberufshelfer", "Ministerium für Kultus, Jugend und Sport",
            Set.of(ApplicantKind.PROVIDER, ApplicantKind.STADTKREIS, ApplicantKind.LANDKREIS));

    private final String german;
    private final String office;
    private final Set<ApplicantKind> applicants;

    Programme(String german, String office, Set<ApplicantKind> applicants) {
        this.german = german;
        this.office = office;
        this.applicants = applicants;
    }

    public String german() {
        return german;
    }

    /** The office that approves or manages this programme's money. */
    public String office() {
        return office;
    }

    public Set<ApplicantKind> applicants() {
        return applicants;
    }
}
