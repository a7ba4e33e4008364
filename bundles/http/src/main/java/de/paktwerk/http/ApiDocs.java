package de.paktwerk.http;

import de.paktwerk.core.api.FundingAreas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Swagger UI at {@code /api/docs/index.html}, from the WebJar inside this bundle. Its configuration lists the
 * OpenAPI document of the core and of every funding area installed at the moment of the request, so a module
 * that arrives or leaves appears or disappears at the next reload.
 */
@Component(service = Servlet.class)
@org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName("paktwerk-api-docs")
@HttpWhiteboardServletPattern(ApiDocs.INITIALIZER)
@HttpWhiteboardResource(pattern = "/api/docs/*", prefix = "/swagger-ui/META-INF/resources/webjars/swagger-ui/" + ApiDocs.VERSION)
public class ApiDocs extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String VERSION = "5.34.1";
    static final String INITIALIZER = "/api/docs/swagger-initializer.js";

    private final transient FundingAreas areas;

    @Activate
    public ApiDocs(@Reference FundingAreas areas) {
        this.areas = areas;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/javascript");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(initializer(areas.installed()).getBytes(StandardCharsets.UTF_8));
    }

    /** The Swagger UI configuration: one document per API, the core first. */
    static String initializer(List<de.paktwerk.core.api.AreaDescriptor> installed) {
        List<String> urls = new ArrayList<>();
        urls.add(entry("/api/core/openapi.json", "Kern"));
        installed.stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(a -> urls.add(entry("/api/" + a.id() + "/openapi.json", a.title())));
        return "window.onload = function () {\n"
                + "  window.ui = SwaggerUIBundle({\n"
                + "    urls: [" + String.join(", ", urls) + "],\n"
                + "    dom_id: '#swagger-ui',\n"
                + "    deepLinking: true,\n"
                + "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],\n"
                + "    layout: 'StandaloneLayout'\n"
                + "  });\n"
                + "};\n";
    }

    private static String entry(String url, String name) {
        return "{url: '" + js(url) + "', name: '" + js(name) + "'}";
    }

    private static String js(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\' || c == '<' || c == '>' || c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
