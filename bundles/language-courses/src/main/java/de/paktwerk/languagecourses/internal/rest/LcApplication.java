package de.paktwerk.languagecourses.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The module's own JAX-RS application under {@code /api/language-courses}. Marked as a Paktwerk API,
 * it receives the core's shared extensions (authentication, JSON, problem+json, idempotency) by filter.
 */
@Component(service = Application.class, property = PaktwerkRest.API_PROPERTY + ":Boolean=true")
@JaxrsApplicationBase("api/language-courses")
@JaxrsName(LcApplication.NAME)
public class LcApplication extends Application {
    public static final String NAME = "paktwerk-language-courses";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
