package de.paktwerk.core.internal.area;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.spi.FundingArea;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of the installed funding areas: modules come and go while the platform runs. Areas are
 * tracked by their service reference and {@link FundingArea#ID_PROPERTY}; the service object is located
 * only when it is used. Binding service objects eagerly would activate an area while the core's own
 * services are still activating — a circle when the area uses them (e.g. the distribution service).
 */
@Component(service = FundingAreas.class)
public class FundingAreaTracker implements FundingAreas {

    static final String REFERENCE = "fundingArea";
    private static final Logger LOG = LoggerFactory.getLogger(FundingAreaTracker.class);

    private final ComponentContext context;
    private final ConcurrentMap<String, ServiceReference<FundingArea>> areas = new ConcurrentSkipListMap<>();

    @Activate
    public FundingAreaTracker(ComponentContext context) {
        this.context = context;
    }

    @Reference(name = REFERENCE, service = FundingArea.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addFundingArea(ServiceReference<FundingArea> reference) {
        Object id = reference.getProperty(FundingArea.ID_PROPERTY);
        if (!(id instanceof String areaId) || areaId.isBlank()) {
            LOG.warn("FundingArea-Dienst {} ohne Eigenschaft {} wird ignoriert", reference, FundingArea.ID_PROPERTY);
            return;
        }
        ServiceReference<FundingArea> previous = areas.put(areaId, reference);
        LOG.info("Förderbereich '{}' {}", areaId, previous == null ? "verfügbar" : "ersetzt");
    }

    void removeFundingArea(ServiceReference<FundingArea> reference) {
        Object id = reference.getProperty(FundingArea.ID_PROPERTY);
        if (id instanceof String areaId && areas.remove(areaId, reference)) {
            LOG.info("Förderbereich '{}' nicht mehr verfügbar", areaId);
        }
    }

    @Override
    public List<FundingArea> installed() {
        return areas.values().stream().map(this::locate).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<FundingArea> find(String areaId) {
        if (areaId == null) {
            return Optional.empty();
        }
        ServiceReference<FundingArea> reference = areas.get(areaId);
        return reference == null ? Optional.empty() : Optional.ofNullable(locate(reference));
    }

    private FundingArea locate(ServiceReference<FundingArea> reference) {
        return context.locateService(REFERENCE, reference);
    }

    @Override
    public FundingArea require(String areaId) {
        return find(areaId).orElseThrow(() -> new ConflictException("Der Förderbereich '" + areaId
                + "' ist derzeit nicht installiert; neue Vorgänge sind erst nach Installation seines Moduls möglich."
                + " Vorhandene Daten bleiben lesbar.", de.paktwerk.core.api.ProblemType.AREA_NOT_INSTALLED));
    }
}
