package de.paktwerk.civicengagement.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * This module's part of the web interface: {@code /ui/areas/civic-engagement/page.js} (German labels and the pricing parameters
 * of the application form). Registered while the bundle runs, so the menu entry comes and goes with the module.
 */
@Component(service = WebPages.class)
@HttpWhiteboardResource(pattern = "/ui/areas/" + CeRules.AREA + "/*", prefix = "/ui-area")
public class WebPages {
}
