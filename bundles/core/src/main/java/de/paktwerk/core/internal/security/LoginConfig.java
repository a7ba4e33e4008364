package de.paktwerk.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits on failed logins at the REST API ({@code etc/de.paktwerk.login.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Anmeldung", description = "Begrenzung fehlgeschlagener Anmeldungen an der REST-Schnittstelle")
public @interface LoginConfig {

    @AttributeDefinition(name = "Fehlversuche", description = "so viele Fehlversuche für einen Benutzer oder von einer Adresse im Zeitfenster sperren weitere Versuche", min = "1")
    int maxFailures() default 10;

    @AttributeDefinition(name = "Zeitfenster (Minuten)", description = "in dem die Fehlversuche gezählt werden; so lange dauert auch die Sperre höchstens", min = "1")
    int windowMinutes() default 15;
}
