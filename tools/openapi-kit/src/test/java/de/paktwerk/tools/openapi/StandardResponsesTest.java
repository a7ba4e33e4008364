package de.paktwerk.tools.openapi;

import static org.junit.Assert.assertEquals;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Collections;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import org.junit.Test;

public class StandardResponsesTest {

    @SuppressWarnings("unused")
    static class Resource {
        @GET
        @PermitAll
        public String health() {
            return "UP";
        }

        @GET
        @PermitAll
        public List<String> mine(@Context SecurityContext sc) {
            return List.of();
        }

        @GET
        @RolesAllowed("approver")
        public List<String> search(@QueryParam("q") String q, @Context SecurityContext sc) {
            return List.of();
        }

        @POST
        @RolesAllowed("municipality")
        public String create(@PathParam("key") String key, String body, @Context SecurityContext sc) {
            return body;
        }
    }

    private static Operation decorated(String method, boolean isPublic, ApiResponses given) throws Exception {
        Operation op = new Operation().responses(given);
        if (isPublic) {
            op.addExtension(StandardResponses.PUBLIC, "true");
        }
        java.lang.reflect.Method m = java.util.Arrays.stream(Resource.class.getDeclaredMethods()).filter(x -> x.getName().equals(method)).findFirst().orElseThrow();
        new StandardResponses().decorateOperation(op, m, Collections.emptyIterator());
        return op;
    }

    private static String codes(Operation op) {
        return String.join(",", op.getResponses().keySet());
    }

    @Test
    public void aPublicOperationWithoutInputGetsNoRefusal() throws Exception {
        assertEquals("200", codes(decorated("health", true, new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")))));
    }

    @Test
    public void withoutADocumentedSuccessTheReturnTypeAnswers200() throws Exception {
        ApiResponse returned = new ApiResponse().description("default response").content(new io.swagger.v3.oas.models.media.Content());
        Operation op = decorated("search", false, new ApiResponses()._default(returned));
        assertEquals("200,400,401,403", codes(op));
        assertEquals("erfolgreich", op.getResponses().get("200").getDescription());
        assertEquals(returned.getContent(), op.getResponses().get("200").getContent());
    }

    @Test
    public void anyLoggedInUserMayButMustLogIn() throws Exception {
        assertEquals("200,401", codes(decorated("mine", false, new ApiResponses().addApiResponse("200", new ApiResponse()))));
    }

    @Test
    public void rolesAndQueryParametersGive403And400() throws Exception {
        Operation op = decorated("search", false, new ApiResponses().addApiResponse("200", new ApiResponse()));
        assertEquals("200,400,401,403", codes(op));
        assertEquals("#/components/responses/Forbidden", op.getResponses().get("403").get$ref());
    }

    @Test
    public void aBodyAndAPathGive404413And415AndWhatTheMethodSaysIsKept() throws Exception {
        ApiResponse own = new ApiResponse().description("Gemeinde unbekannt");
        Operation op = decorated("create", false, new ApiResponses().addApiResponse("201", new ApiResponse()).addApiResponse("404", own));
        assertEquals("201,404,400,401,403,413,415", codes(op));
        assertEquals("Gemeinde unbekannt", op.getResponses().get("404").getDescription());
        assertEquals("#/components/responses/UnsupportedMediaType", op.getResponses().get("415").get$ref());
    }
}
