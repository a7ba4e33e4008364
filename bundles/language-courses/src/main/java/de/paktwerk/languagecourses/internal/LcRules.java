package de.paktwerk.languagecourses.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the current {@link Rules}; a changed configuration takes effect without a restart. */
@Component(service = LcRules.class, configurationPid = LcRules.PID)
@Designate(ocd = LcConfig.class)
public class LcRules {

    public static final String PID = "de.paktwerk.languagecourses";
    /** The funding area's id. */
    public static final String AREA = "language-courses";

    private volatile Rules rules;

    @Activate
    public LcRules(LcConfig config) {
        modified(config);
    }

    @Modified
    void modified(LcConfig config) {
        this.rules = new Rules(config);
    }

    public Rules get() {
        return rules;
    }
}
