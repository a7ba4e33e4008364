package de.paktwerk.civicengagement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the current {@link Rules}; a changed configuration takes effect without a restart. */
@Component(service = CeRules.class, configurationPid = CeRules.PID)
@Designate(ocd = CeConfig.class)
public class CeRules {

    public static final String PID = "de.paktwerk.civicengagement";
    /** The funding area's id. */
    public static final String AREA = "civic-engagement";

    private volatile Rules rules;

    @Activate
    public CeRules(CeConfig config) {
        modified(config);
    }

    @Modified
    void modified(CeConfig config) {
        this.rules = new Rules(config);
    }

    public Rules get() {
        return rules;
    }
}
