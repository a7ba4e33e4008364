package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.PaktwerkRest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * {@code OPTIONS} answers with the methods the addressed resource really has. The JAX-RS runtime would list
 * the methods of every resource class sharing the application's root; this filter asks the whiteboard's own
 * description of the application ({@link JaxrsServiceRuntime}) which methods match the path.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-options")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class OptionsFilter implements ContainerRequestFilter {

    private final JaxrsServiceRuntime runtime;

    @Activate
    public OptionsFilter(@Reference JaxrsServiceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!"OPTIONS".equals(ctx.getMethod())) {
            return;
        }
        String base = "/" + strip(ctx.getUriInfo().getBaseUri().getPath());
        String path = "/" + strip(ctx.getUriInfo().getPath());
        Set<String> allowed = allowed(base, path);
        if (allowed.isEmpty()) {
            ctx.abortWith(Problems.response(404, "Nicht gefunden", "Diese Adresse gibt es nicht."));
            return;
        }
        allowed.add("OPTIONS");
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        ctx.abortWith(Response.ok().header(HttpHeaders.ALLOW, String.join(",", allowed)).build());
    }

    /** The HTTP methods of the application at {@code base} whose path template matches {@code path}. */
    Set<String> allowed(String base, String path) {
        Set<String> methods = new TreeSet<>();
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!("/" + strip(app.base)).equals(base)) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : resource.resourceMethods) {
                    if (m.method != null && template(m.path).matcher(path).matches()) {
                        methods.add(m.method);
                    }
                }
            }
        }
        return methods;
    }

    /** A JAX-RS path template as a pattern: each {@code {name}} or {@code {name: regex}} one segment. */
    static Pattern template(String template) {
        StringBuilder sb = new StringBuilder();
        String t = "/" + strip(template == null ? "" : template);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < t.length() && depth > 0) {
                    depth += t.charAt(j) == '{' ? 1 : t.charAt(j) == '}' ? -1 : 0;
                    j++;
                }
                sb.append("[^/]+");
                i = j;
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(sb + "/?");
    }

    private static String strip(String p) {
        String s = p == null ? "" : p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
