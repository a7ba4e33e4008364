package de.paktwerk.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** uPlot, unpacked from its WebJar into this bundle at build time, at {@code /ui/vendor/uplot/}. */
@Component(service = Vendor.class)
@HttpWhiteboardResource(pattern = "/ui/vendor/uplot/*", prefix = "/vendor/META-INF/resources/webjars/uplot/" + Vendor.UPLOT + "/dist")
public class Vendor {
    /** Kept equal to {@code uplot.version} in the pom (a test compares them). */
    static final String UPLOT = "1.6.30";
}
