package de.paktwerk.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web interface's shell at {@code /ui/}: its page, scripts and styles are resources of this bundle; the page
 * itself is answered by this servlet for {@code /ui} and {@code /ui/} (the whiteboard knows no welcome files).
 * Everything it shows comes from the REST API with the user's session token, so it has the API's roles and scopes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("paktwerk-web")
@HttpWhiteboardServletPattern({WebShell.ROOT, WebShell.ROOT + "/"})
@HttpWhiteboardResource(pattern = WebShell.ROOT + "/*", prefix = "/ui")
public class WebShell extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "/ui";

    private final transient BundleContext context;

    @Activate
    public WebShell(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getRequestURI().endsWith("/")) {
            resp.sendRedirect(ROOT + "/");
            return;
        }
        URL page = context.getBundle().getEntry("ui/index.html");
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        try (InputStream in = page.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
