package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.spi.FundingArea;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The operator's view: Paktwerk's bundles with version and state, and the funding area each one registers. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "platform")
@Component(service = ModulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    static final String PREFIX = "de.paktwerk.";

    /**
     * A bundle of Paktwerk.
     *
     * @param state {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING} or {@code STOPPING}
     * @param areaIds the funding areas it registers right now, each once
     * @param fragment whether it is a fragment attached to another bundle (RESOLVED is then its working state)
     */
    public record Module(long bundleId, String symbolicName, String name, String version, String state, List<String> areaIds, boolean fragment) {
    }

    private final BundleContext context;

    @Activate
    public ModulesResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("modules")
    @RolesAllowed({Roles.AUDITOR})
    @Operation(operationId = "listModules", summary = "Bundles von Paktwerk mit Version und Zustand (Betrieb)")
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith(PREFIX)) {
                continue;
            }
            out.add(new Module(b.getBundleId(), bsn, b.getHeaders("").get("Bundle-Name"), b.getVersion().toString(), state(b.getState()),
                    areaIds(b), b.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null));
        }
        out.sort(Comparator.comparing(Module::symbolicName));
        return out;
    }

    private static List<String> areaIds(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs == null) {
            return List.of();
        }
        return Arrays.stream(refs).map(r -> r.getProperty(FundingArea.ID_PROPERTY)).filter(String.class::isInstance)
                .map(String.class::cast).distinct().sorted().toList();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "INSTALLED";
        };
    }
}
