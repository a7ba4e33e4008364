package de.paktwerk.core.internal.application;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the approval office ({@code etc/de.paktwerk.approval.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Bewilligung",
        description = "Einstellungen der Bewilligungsstelle")
public @interface ApprovalConfig {

    @AttributeDefinition(name = "Vier-Augen-Schwelle",
            description = "Bewilligungen über diesem Betrag (Euro, z. B. 100000.00) muss eine zweite Person bestätigen.")
    String fourEyesThreshold() default "100000.00";

    @AttributeDefinition(name = "Bescheid-Präfix", description = "Präfix der Bescheidnummern")
    String decisionPrefix() default "PFI";
}
