package de.paktwerk.youthcareer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rules of "Junge Flüchtlinge in Schule und Beruf" ({@code etc/de.paktwerk.youthcareer.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Junge Flüchtlinge in Schule und Beruf", description = "Förderregeln der drei Teilprogramme")
public @interface YcConfig {

    @AttributeDefinition(name = "Schulsozialarbeit: Festbetrag", description = "Euro je Vollzeitstelle und Schuljahr")
    String rateSchoolSocialWork() default "16700.00";

    @AttributeDefinition(name = "Schulsozialarbeit: Schulen je Stelle", description = "höchstens")
    int schoolSocialWorkMaxSchools() default 2;

    @AttributeDefinition(name = "Schulsozialarbeit: Schulen je Stelle mit Begründung", description = "höchstens, mit dokumentiertem Grund")
    int schoolSocialWorkMaxSchoolsException() default 3;

    @AttributeDefinition(name = "Schulsozialarbeit: Antragsfrist", description = "MM-TT vor Beginn des Schuljahres")
    String schoolSocialWorkDeadline() default "07-31";

    @AttributeDefinition(name = "Schulsozialarbeit: Programmbudget", description = "Euro je Schuljahr, solange gedeckelt (CAP)")
    String schoolSocialWorkBudget() default "2500000.00";

    @AttributeDefinition(name = "Schulsozialarbeit: Budgetart", description = "CAP: gedeckelt, die überschreitende Bewilligung wird gekürzt;"
            + " DEMAND: bedarfsgerecht, jede bewilligte Stelle wird gefördert")
    String schoolSocialWorkBudgetMode() default "CAP";

    @AttributeDefinition(name = "Schulsozialarbeit: bedarfsgerecht ab", description = "erstes Schuljahr (Anfangsjahr) ohne Deckel, z. B. 2022 für 2022/23")
    int schoolSocialWorkDemandFrom() default 2022;

    @AttributeDefinition(name = "AVdual: Höchstbetrag", description = "Euro je Vollzeitstelle und Jahr")
    String avdualMaxPerFte() default "30000.00";

    @AttributeDefinition(name = "AVdual: Förderquote", description = "Prozent der förderfähigen Personalkosten")
    int avdualMaxSharePercent() default 60;

    @AttributeDefinition(name = "AVdual: Schülerinnen und Schüler je Begleitung", description = "Richtwert je Vollzeitstelle")
    int avdualPupilsPerFte() default 40;

    @AttributeDefinition(name = "Jugendberufshelfer: Festbetrag", description = "Euro je Vollzeitstelle und Jahr")
    String rateYouthCareerHelper() default "11000.00";

    @AttributeDefinition(name = "Kleinster Stellenanteil", description = "Vollzeitäquivalent, z. B. 0.10")
    String minFte() default "0.10";

    @AttributeDefinition(name = "Kleinste Berichtsgruppe", description = "kleinere Gruppen werden in Berichten unterdrückt")
    int minReportGroup() default 5;
}
