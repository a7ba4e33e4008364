package de.paktwerk.core.internal.rest;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import de.paktwerk.core.api.rest.PaktwerkRest;
import de.paktwerk.core.internal.json.Json;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Jackson for every Paktwerk application (core and modules), with the strict Paktwerk mapper: unknown
 * fields, wrong types and deep nesting are refused.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("paktwerk-json")
@JaxrsMediaType({MediaType.APPLICATION_JSON, PaktwerkRest.PROBLEM_JSON})
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(Json.create());
    }
}
