package de.paktwerk.im.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * This module's pages in the web interface: {@code /ui/areas/integration-management/page.js} (caseload, plans,
 * overdue reviews; German labels of the application form). Registered while the bundle runs, so the menu entry
 * comes and goes with the module.
 */
@Component(service = WebPages.class)
@HttpWhiteboardResource(pattern = "/ui/areas/" + ImRules.AREA + "/*", prefix = "/ui-area")
public class WebPages {
}
