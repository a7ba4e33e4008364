package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The core's JAX-RS application under {@code /api/core}; its resources select it by name. */
@Component(service = Application.class, property = PaktwerkRest.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase("api/core")
@JaxrsName(CoreApplication.NAME)
public class CoreApplication extends Application {
    /** Name by which the core's resources select this application. */
    public static final String NAME = "paktwerk-core";
    /** Filter for {@code @JaxrsApplicationSelect}. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
