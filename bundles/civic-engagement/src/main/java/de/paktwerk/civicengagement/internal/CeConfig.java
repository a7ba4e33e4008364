package de.paktwerk.civicengagement.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rules of "Bürgerschaftliches Engagement und Zivilgesellschaft" ({@code etc/de.paktwerk.civicengagement.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Bürgerschaftliches Engagement und Zivilgesellschaft", description = "Höchstbeträge und Anteile; ein Aufruf kann Spanne und Anteile selbst festlegen")
public @interface CeConfig {

    @AttributeDefinition(name = "Nachbarschaftsgespräch: Höchstbetrag", description = "Euro je Gespräch")
    String dialogueCap() default "15000.00";

    @AttributeDefinition(name = "Nachbarschaftsgespräche je Antragsteller", description = "höchstens, je in einem anderen Sozialraum")
    int dialoguesPerApplicant() default 3;

    @AttributeDefinition(name = "Bündnis: Höchstbetrag regulär", description = "Euro")
    String allianceCapRegular() default "15000.00";

    @AttributeDefinition(name = "Bündnis: Höchstbetrag Stadt-/Landkreis oder große Stadt", description = "Euro")
    String allianceCapLarge() default "50000.00";

    @AttributeDefinition(name = "Große Stadt ab", description = "Einwohner (Vorgabe: 20.000, Große Kreisstadt)")
    long largeCityMinInhabitants() default 20000;

    @AttributeDefinition(name = "Projekt: Mindestbetrag", description = "Euro, wenn der Aufruf nichts anderes festlegt")
    String projectMin() default "10000.00";

    @AttributeDefinition(name = "Projekt: Höchstbetrag", description = "Euro, wenn der Aufruf nichts anderes festlegt")
    String projectMax() default "40000.00";

    @AttributeDefinition(name = "Eigenanteil mindestens", description = "Prozent der Gesamtkosten")
    int minOwnSharePercent() default 10;

    @AttributeDefinition(name = "Personalanteil höchstens", description = "Prozent des Zuschusses")
    int maxPersonnelSharePercent() default 40;

    @AttributeDefinition(name = "FSJ: Zuschlag je Platz und Jahr", description = "Euro (Vorgabe)")
    String fsjTopUpPerPlace() default "3000.00";

    @AttributeDefinition(name = "FSJ: Mindestalter bei Beginn", description = "Jahre")
    int fsjMinAge() default 18;

    @AttributeDefinition(name = "FSJ: Höchstalter bei Beginn", description = "Jahre")
    int fsjMaxAge() default 26;

    @AttributeDefinition(name = "Kleinste Berichtsgruppe", description = "kleinere Gruppen werden in Berichten unterdrückt")
    int minReportGroup() default 5;
}
