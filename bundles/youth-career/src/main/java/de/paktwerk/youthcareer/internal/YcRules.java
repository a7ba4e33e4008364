package de.paktwerk.youthcareer.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the current {@link Rules}; a changed configuration takes effect without a restart. */
@Component(service = YcRules.class, configurationPid = YcRules.PID)
@Designate(ocd = YcConfig.class)
public class YcRules {

    public static final String PID = "de.paktwerk.youthcareer";
    /** The funding area's id. */
    public static final String AREA = "youth-career";

    private volatile Rules rules;

    @Activate
    public YcRules(YcConfig config) {
        modified(config);
    }

    @Modified
    void modified(YcConfig config) {
        this.rules = new Rules(config);
    }

    public Rules get() {
        return rules;
    }
}
