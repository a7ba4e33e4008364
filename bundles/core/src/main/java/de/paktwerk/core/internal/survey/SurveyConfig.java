package de.paktwerk.core.internal.survey;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the count survey ({@code etc/de.paktwerk.survey.cfg}). */
@ObjectClassDefinition(name = "Paktwerk Erhebung", description = "Plausibilitätsprüfung der gemeldeten Zahlen")
public @interface SurveyConfig {

    @AttributeDefinition(name = "Auffällige Abweichung (Prozent)",
            description = "Eine Meldung, die um mehr als diesen Anteil von der letzten abgeschlossenen Erhebung abweicht, wird dem Kreis als auffällig gezeigt.")
    int maxChangePercent() default 30;
}
