package de.paktwerk.core.internal.application;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Approval settings of one funding area (factory configuration {@code etc/de.paktwerk.approval.area-<name>.cfg});
 * what is left empty falls back to {@code de.paktwerk.approval} and the area's own approval office.
 */
@ObjectClassDefinition(name = "Paktwerk Bewilligung je Förderbereich",
        description = "Vier-Augen-Schwelle, Bescheid-Präfix und Bewilligungsstelle eines Förderbereichs")
public @interface AreaApprovalConfig {

    @AttributeDefinition(name = "Förderbereich", description = "Kennung des Förderbereichs, z. B. youth-career")
    String areaId();

    @AttributeDefinition(name = "Vier-Augen-Schwelle", required = false,
            description = "Bewilligungen über diesem Betrag (Euro) muss eine zweite Person bestätigen; leer: allgemeine Schwelle")
    String fourEyesThreshold() default "";

    @AttributeDefinition(name = "Bescheid-Präfix", required = false, description = "Präfix der Bescheidnummern; leer: allgemeines Präfix")
    String decisionPrefix() default "";

    @AttributeDefinition(name = "Bewilligungsstelle", required = false,
            description = "Name der Bewilligungsstelle auf Bescheiden, z. B. KVJS; leer: wie vom Förderbereich angegeben")
    String approvalOffice() default "";
}
