package de.paktwerk.im.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the current {@link Rules}; a changed configuration takes effect without a restart. */
@Component(service = ImRules.class, configurationPid = ImRules.PID)
@Designate(ocd = ImConfig.class)
public class ImRules {

    public static final String PID = "de.paktwerk.integrationmanagement";
    /** The funding area's id. */
    public static final String AREA = "integration-management";

    private volatile Rules rules;

    @Activate
    public ImRules(ImConfig config) {
        modified(config);
    }

    @Modified
    void modified(ImConfig config) {
        this.rules = new Rules(config);
    }

    public Rules get() {
        return rules;
    }
}
