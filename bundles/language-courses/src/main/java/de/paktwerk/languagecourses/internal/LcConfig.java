package de.paktwerk.languagecourses.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rules of "Spracherwerb (VwV Deutsch)" ({@code etc/de.paktwerk.languagecourses.cfg}). The directive's real rates and
 * participant limits were not published; every amount and limit here is a default (marked "Vorgabe") to be set by the
 * approval office.
 */
@ObjectClassDefinition(name = "Paktwerk Spracherwerb (VwV Deutsch)", description = "Förderregeln der Sprachkurse; alle Beträge und Grenzen sind Vorgaben")
public @interface LcConfig {

    @AttributeDefinition(name = "Abrechnungsmodell", description = "PER_PARTICIPANT_UE: Satz je Teilnehmer-Unterrichtseinheit;"
            + " PER_UE: Kurssatz je gehaltener Unterrichtseinheit")
    String pricingModel() default "PER_PARTICIPANT_UE";

    @AttributeDefinition(name = "Satz je Teilnehmer-UE", description = "Euro (Vorgabe: 4.58, BAMF-Kostenerstattungssatz)")
    String ratePerParticipantUnit() default "4.58";

    @AttributeDefinition(name = "Kurssatz je UE", description = "Euro je gehaltener Unterrichtseinheit, nur mit PER_UE (Vorgabe)")
    String ratePerUnit() default "55.00";

    @AttributeDefinition(name = "Regelkurse: Mindestteilnehmerzahl", description = "Vorgabe")
    int regularMin() default 8;

    @AttributeDefinition(name = "Regelkurse: Höchstteilnehmerzahl", description = "Vorgabe")
    int regularMax() default 20;

    @AttributeDefinition(name = "Regelkurse: Garantie", description = "Teilnehmende, die je gehaltener UE mindestens bezahlt werden (Vorgabe)")
    int regularGuarantee() default 8;

    @AttributeDefinition(name = "Eltern-, Frauen-, berufsbegleitende und niedrigschwellige Kurse: Mindestteilnehmerzahl", description = "Vorgabe")
    int reducedMin() default 5;

    @AttributeDefinition(name = "Eltern-, Frauen-, berufsbegleitende und niedrigschwellige Kurse: Höchstteilnehmerzahl", description = "Vorgabe")
    int reducedMax() default 15;

    @AttributeDefinition(name = "Eltern-, Frauen-, berufsbegleitende und niedrigschwellige Kurse: Garantie", description = "Vorgabe")
    int reducedGuarantee() default 5;

    @AttributeDefinition(name = "Unterrichtseinheiten je Kurs: mindestens", description = "Vorgabe")
    int minUnits() default 100;

    @AttributeDefinition(name = "Unterrichtseinheiten je Kurs: höchstens", description = "Vorgabe")
    int maxUnits() default 300;

    @AttributeDefinition(name = "Unterrichtseinheiten je Alphabetisierungskurs: höchstens", description = "Vorgabe")
    int maxUnitsAlpha() default 600;

    @AttributeDefinition(name = "Kinderbetreuung je Betreuungskraft und UE", description = "Euro (Vorgabe)")
    String childcarePerCarerUnit() default "15.00";

    @AttributeDefinition(name = "Kinder je Betreuungskraft", description = "höchstens (Vorgabe)")
    int childrenPerCarer() default 5;

    @AttributeDefinition(name = "Fahrtkosten je Teilnehmer und Kurs: höchstens", description = "Euro (Vorgabe)")
    String travelCapPerParticipant() default "200.00";

    @AttributeDefinition(name = "Zertifizierte Prüfung: Pauschale", description = "Euro je abgelegter Prüfung (Vorgabe)")
    String testFlat() default "120.00";

    @AttributeDefinition(name = "Antragsfrist", description = "MM-TT vor Beginn der Kursperiode (2016: 15. Juli)")
    String applicationDeadline() default "07-15";

    @AttributeDefinition(name = "Frist für Restmittel", description = "MM-TT in der Kursperiode (2016: 31. Oktober)")
    String remainderDeadline() default "10-31";

    @AttributeDefinition(name = "Teilnehmende mit Integrationskursanspruch ausschließen", description = "nur mit Begründung aufnehmen,"
            + " warum der Integrationskurs des Bundes nicht genutzt werden kann")
    boolean excludeIntegrationCourseEntitled() default true;

    @AttributeDefinition(name = "Offen für andere Zugewanderte", description = "seit 2019 auch länger hier lebende Zugewanderte")
    boolean openToOtherMigrants() default true;

    @AttributeDefinition(name = "Kurse je Kursplan: höchstens", description = "Grenze je Antrag")
    int maxCoursesPerPlan() default 500;

    @AttributeDefinition(name = "Kleinste Berichtsgruppe", description = "kleinere Gruppen werden in Berichten unterdrückt")
    int minReportGroup() default 5;
}
