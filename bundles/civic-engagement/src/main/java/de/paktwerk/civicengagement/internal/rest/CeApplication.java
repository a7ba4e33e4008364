package de.paktwerk.civicengagement.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The module's own JAX-RS application under {@code /api/civic-engagement}. Marked as a Paktwerk API,
 * it receives the core's shared extensions (authentication, JSON, problem+json, idempotency) by filter.
 */
@Component(service = Application.class, property = PaktwerkRest.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase("api/civic-engagement")
@JaxrsName(CeApplication.NAME)
public class CeApplication extends Application {
    public static final String NAME = "paktwerk-civic-engagement";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
