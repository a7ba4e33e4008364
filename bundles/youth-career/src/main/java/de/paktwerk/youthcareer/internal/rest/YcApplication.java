package de.paktwerk.youthcareer.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The module's own JAX-RS application under {@code /api/youth-career}. Marked as a Paktwerk API,
 * it receives the core's shared extensions (authentication, JSON, problem+json, idempotency) by filter.
 */
@Component(service = Application.class, property = PaktwerkRest.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase("api/youth-career")
@JaxrsName(YcApplication.NAME)
public class YcApplication extends Application {
    public static final String NAME = "paktwerk-youth-career";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
