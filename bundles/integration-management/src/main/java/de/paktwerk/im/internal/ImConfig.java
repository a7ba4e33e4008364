package de.paktwerk.im.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rules of the integration-management programme ({@code etc/de.paktwerk.integrationmanagement.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Integrationsmanagement", description = "Förderregeln des Integrationsmanagements")
public @interface ImConfig {

    @AttributeDefinition(name = "Jahrespauschale Sozialwesen", description = "Euro je Vollzeitstelle und Jahr")
    String rateSocialWork() default "68000.00";

    @AttributeDefinition(name = "Jahrespauschale anderer Studiengang", description = "Euro je Vollzeitstelle und Jahr")
    String rateOtherDegree() default "64000.00";

    @AttributeDefinition(name = "Jahrespauschale Berufsausbildung", description = "Euro je Vollzeitstelle und Jahr")
    String rateVocational() default "56000.00";

    @AttributeDefinition(name = "Förderdauer", description = "Monate ab Einstellung")
    int fundedMonths() default 24;

    @AttributeDefinition(name = "Mindestanteil", description = "Kommunen mit kleinerem Anteil an der Verteilung bündeln oder übertragen (Euro)")
    String minimumShare() default "51000.00";

    @AttributeDefinition(name = "Stichtag", description = "Stichtag der Flüchtlingszahlen (JJJJ-MM-TT)")
    String referenceDate() default "2017-09-15";

    @AttributeDefinition(name = "Längstes Überprüfungsintervall", description = "Monate")
    int maxReviewIntervalMonths() default 6;

    @AttributeDefinition(name = "Beratungsdauer", description = "Jahre")
    int counsellingYears() default 3;

    @AttributeDefinition(name = "Verlängerte Beratungsdauer", description = "Jahre, mit dokumentiertem Grund")
    int extendedCounsellingYears() default 4;

    @AttributeDefinition(name = "Aufbewahrung", description = "Monate nach Ende der Beratung, nach denen die Falldaten gelöscht werden")
    int caseRetentionMonths() default 24;

    @AttributeDefinition(name = "Kleinste Berichtsgruppe", description = "kleinere Gruppen werden in Berichten unterdrückt")
    int minReportGroup() default 5;
}
