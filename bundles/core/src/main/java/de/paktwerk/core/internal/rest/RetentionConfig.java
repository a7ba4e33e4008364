package de.paktwerk.core.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How long the core keeps stored answers ({@code etc/de.paktwerk.retention.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Aufbewahrung", description = "Aufbewahrungsfristen des Kerns")
public @interface RetentionConfig {

    @AttributeDefinition(name = "Idempotenz-Antworten (Tage)",
            description = "so lange bleibt die gespeicherte Antwort zu einem Idempotency-Key; danach gilt der Schlüssel als neu", min = "1")
    int idempotencyRetentionDays() default 7;
}
