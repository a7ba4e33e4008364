package de.paktwerk.core.internal.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Demo data ({@code etc/de.paktwerk.demo.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Demodaten",
        description = "Erzeugt beim ersten Start synthetische Flüchtlingszahlen (als synthetisch gekennzeichnet).")
public @interface DemoConfig {

    @AttributeDefinition(name = "Aktiv", description = "Demodaten erzeugen, wenn noch keine Zahlen vorliegen")
    boolean enabled() default false;

    @AttributeDefinition(name = "Startwert", description = "Startwert des Zufallsgenerators; gleicher Wert, gleiche Zahlen")
    long seed() default 2017L;

    @AttributeDefinition(name = "Stichtage", description = "Stichtage der erzeugten Zahlen (JJJJ-MM-TT), durch Kommas getrennt")
    String referenceDates() default "2017-09-15,2018-09-15,2019-09-15";
}
