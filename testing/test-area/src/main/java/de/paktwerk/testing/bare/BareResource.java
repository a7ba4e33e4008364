package de.paktwerk.testing.bare;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /bench/hello}: a fixed JSON document of about the size of one application. */
@Component(service = BareResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + BareApplication.NAME + ")")
@Path("hello")
public class BareResource {

    static final String BODY = "{\"id\":1,\"applicantKey\":\"08421000\",\"areaId\":\"integration-management\",\"periodId\":\"2017\","
            + "\"requested\":\"90000.00\",\"priced\":\"102000.00\",\"providerId\":null,\"payload\":{\"positions\":[{\"managerName\":"
            + "\"A. Beispiel\",\"fte\":\"0.75\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]},\"state\":\"DRAFT\","
            + "\"createdAt\":\"2026-11-28T04:27:06.740Z\",\"createdBy\":\"admin\",\"updatedAt\":\"2026-11-28T04:27:06.740Z\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        return BODY;
    }
}
