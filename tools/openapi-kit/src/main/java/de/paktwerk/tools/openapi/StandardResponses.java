package de.paktwerk.tools.openapi;

import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The refusals every Paktwerk operation can give through the platform's shared JAX-RS extensions, documented from the
 * resource method itself instead of a list repeated on every method: 401 unless the operation is public (extension
 * {@code paktwerk-public}), 403 where roles are required, 400 where the request carries parameters or a body, 404 where a path names a
 * record, 413 and 415 where a body is read; and 200 ("erfolgreich", the return type) where no success is documented. What a method documents itself is kept; only what is missing is added.
 */
public class StandardResponses extends AbstractOpenAPIExtension {

    static final String RESPONSES = "#/components/responses/";
    static final String PUBLIC = "x-paktwerk-public";
    static final String SUCCESS = "erfolgreich";

    private static final Set<String> REQUEST_PARAMETERS = Set.of("javax.ws.rs.QueryParam", "javax.ws.rs.PathParam", "javax.ws.rs.HeaderParam",
            "javax.ws.rs.FormParam", "javax.ws.rs.BeanParam");
    private static final Set<String> NOT_A_BODY = Set.of("javax.ws.rs.QueryParam", "javax.ws.rs.PathParam", "javax.ws.rs.HeaderParam",
            "javax.ws.rs.FormParam", "javax.ws.rs.BeanParam", "javax.ws.rs.CookieParam", "javax.ws.rs.MatrixParam", "javax.ws.rs.core.Context",
            "javax.ws.rs.container.Suspended");

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        success(operation);
        standardResponses(isPublic(operation), method)
                .forEach((status, name) -> {
                    if (operation.getResponses() == null) {
                        operation.setResponses(new ApiResponses());
                    }
                    operation.getResponses().putIfAbsent(status, new ApiResponse().$ref(RESPONSES + name));
                });
        super.decorateOperation(operation, method, chain);
    }

    /** An operation that documents no success answers 200 "erfolgreich" with what the method returns (swagger's "default"). */
    static void success(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses != null && responses.getDefault() != null && responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            ApiResponse answer = responses.getDefault();
            responses.remove(ApiResponses.DEFAULT);
            ApiResponses ordered = new ApiResponses().addApiResponse("200", answer.description(SUCCESS));
            ordered.putAll(responses);
            operation.setResponses(ordered);
        }
    }

    /** Public: marked {@code paktwerk-public} (what the platform's authentication lets through) or without security. */
    static boolean isPublic(Operation operation) {
        return operation.getExtensions() != null && "true".equals(String.valueOf(operation.getExtensions().get(PUBLIC)))
                || operation.getSecurity() != null && operation.getSecurity().isEmpty();
    }

    /** Status → name of the shared response component, in the order they are documented. */
    static Map<String, String> standardResponses(boolean isPublic, Method method) {
        boolean body = false;
        boolean parameters = false;
        boolean pathParameter = false;
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            Set<String> names = Arrays.stream(annotations).map(a -> a.annotationType().getName()).collect(java.util.stream.Collectors.toSet());
            body |= names.stream().noneMatch(NOT_A_BODY::contains);
            parameters |= names.stream().anyMatch(REQUEST_PARAMETERS::contains);
            pathParameter |= names.contains("javax.ws.rs.PathParam");
        }
        Map<String, String> responses = new LinkedHashMap<>();
        if (parameters || body) {
            responses.put("400", "InvalidInput");
        }
        if (!isPublic) {
            responses.put("401", "Unauthenticated");
            if (annotated(method, "javax.annotation.security.RolesAllowed")) {
                responses.put("403", "Forbidden");
            }
        }
        if (pathParameter) {
            responses.put("404", "NotFound");
        }
        if (body) {
            responses.put("413", "BodyTooLarge");
            responses.put("415", "UnsupportedMediaType");
        }
        return responses;
    }

    private static boolean annotated(Method method, String annotation) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation))
                || Arrays.stream(method.getDeclaringClass().getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation));
    }
}
