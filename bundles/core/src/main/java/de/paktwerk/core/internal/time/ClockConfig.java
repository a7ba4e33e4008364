package de.paktwerk.core.internal.time;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The platform's clock ({@code etc/de.paktwerk.clock.cfg}); without configuration the system clock. */
@ObjectClassDefinition(name = "Paktwerk Uhr", description = "Uhr, nach der Fristen, Bescheiddaten und Aufbewahrungsfristen gelten")
public @interface ClockConfig {

    @AttributeDefinition(name = "Feste Zeit", required = false,
            description = "Nur für Tests und Vorführungen: ein fester Zeitpunkt (ISO-8601, z. B. 2018-03-01T09:00:00Z); leer: Systemuhr")
    String fixedInstant() default "";
}
