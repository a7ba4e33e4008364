package de.paktwerk.testing.bare;

import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Benchmark baseline only: a JAX-RS application on the same Karaf/Aries/CXF stack with none of Paktwerk's
 * extensions (no authentication, no database), under {@code /bench}.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("bench")
@JaxrsName(BareApplication.NAME)
public class BareApplication extends Application {
    static final String NAME = "paktwerk-bench-bare";
}
