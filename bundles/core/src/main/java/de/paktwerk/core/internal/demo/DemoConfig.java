package de.paktwerk.core.internal.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Demo data ({@code etc/de.paktwerk.demo.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Demodaten",
        description = "Erzeugt beim ersten Start synthetische Flüchtlingszahlen (als synthetisch gekennzeichnet).")
public @interface DemoConfig {

    /** The demo's reference dates unless configured otherwise. */
    String DEFAULT_REFERENCE_DATES = "2017-09-15,2018-09-15,2019-09-15";

    /**
     * On by default: the component needs its configuration at all (feature {@code paktwerk-demo}), and Karaf may
     * hand a feature's configuration over without its properties when FileInstall reads the file while it is
     * being written (a known race of feature {@code <config>} elements) — the demo then still does what it is for.
     */
    @AttributeDefinition(name = "Aktiv", description = "Demodaten erzeugen, wenn noch keine Zahlen vorliegen")
    boolean enabled() default true;

    @AttributeDefinition(name = "Startwert", description = "Startwert des Zufallsgenerators; gleicher Wert, gleiche Zahlen")
    long seed() default 2017L;

    @AttributeDefinition(name = "Stichtage", description = "Stichtage der erzeugten Zahlen (JJJJ-MM-TT), durch Kommas getrennt")
    String referenceDates() default DEFAULT_REFERENCE_DATES;
}
