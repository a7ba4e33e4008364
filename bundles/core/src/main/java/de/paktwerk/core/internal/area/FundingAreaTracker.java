package de.paktwerk.core.internal.area;

import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.api.spi.DistributionKey;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.Settlement;
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
 * Whiteboard of the installed funding areas and their optional plug services (distribution key, settlement, decision
 * policy):
 * modules come and go while the platform runs. Services are tracked by their reference and
 * {@link FundingArea#ID_PROPERTY}; the service object is located only when it is used. Binding service objects
 * eagerly would activate an area while the core's own services are still activating — a circle when the area uses
 * them.
 */
@Component(service = {FundingAreas.class, FundingAreaTracker.class})
public class FundingAreaTracker implements FundingAreas {

    static final String AREA = "fundingArea";
    static final String KEY = "distributionKey";
    static final String SETTLEMENT = "settlement";
    static final String POLICY = "decisionPolicy";
    private static final Logger LOG = LoggerFactory.getLogger(FundingAreaTracker.class);

    private final ComponentContext context;
    private final ConcurrentMap<String, ServiceReference<FundingArea>> areas = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, ServiceReference<DistributionKey>> keys = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, ServiceReference<Settlement>> settlements = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, ServiceReference<de.paktwerk.core.api.spi.DecisionPolicy>> policies = new ConcurrentSkipListMap<>();

    @Activate
    public FundingAreaTracker(ComponentContext context) {
        this.context = context;
    }

    private static String areaId(ServiceReference<?> reference) {
        Object id = reference.getProperty(FundingArea.ID_PROPERTY);
        if (!(id instanceof String areaId) || areaId.isBlank()) {
            LOG.warn("Dienst {} ohne Eigenschaft {} wird ignoriert", reference, FundingArea.ID_PROPERTY);
            return null;
        }
        return areaId;
    }

    private static <S> void add(ConcurrentMap<String, ServiceReference<S>> map, ServiceReference<S> reference, String what) {
        String areaId = areaId(reference);
        if (areaId != null) {
            ServiceReference<S> previous = map.put(areaId, reference);
            LOG.info("Förderbereich '{}': {} {}", areaId, what, previous == null ? "verfügbar" : "ersetzt");
        }
    }

    private static <S> void remove(ConcurrentMap<String, ServiceReference<S>> map, ServiceReference<S> reference, String what) {
        Object id = reference.getProperty(FundingArea.ID_PROPERTY);
        if (id instanceof String areaId && map.remove(areaId, reference)) {
            LOG.info("Förderbereich '{}': {} nicht mehr verfügbar", areaId, what);
        }
    }

    @Reference(name = AREA, service = FundingArea.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addFundingArea(ServiceReference<FundingArea> reference) {
        add(areas, reference, "Bereichsdienst");
    }

    void removeFundingArea(ServiceReference<FundingArea> reference) {
        remove(areas, reference, "Bereichsdienst");
    }

    @Reference(name = KEY, service = DistributionKey.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDistributionKey(ServiceReference<DistributionKey> reference) {
        add(keys, reference, "Verteilungsschlüssel");
    }

    void removeDistributionKey(ServiceReference<DistributionKey> reference) {
        remove(keys, reference, "Verteilungsschlüssel");
    }

    @Reference(name = SETTLEMENT, service = Settlement.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSettlement(ServiceReference<Settlement> reference) {
        add(settlements, reference, "Abrechnung");
    }

    void removeSettlement(ServiceReference<Settlement> reference) {
        remove(settlements, reference, "Abrechnung");
    }

    @Reference(name = POLICY, service = de.paktwerk.core.api.spi.DecisionPolicy.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDecisionPolicy(ServiceReference<de.paktwerk.core.api.spi.DecisionPolicy> reference) {
        add(policies, reference, "Entscheidungsregeln");
    }

    void removeDecisionPolicy(ServiceReference<de.paktwerk.core.api.spi.DecisionPolicy> reference) {
        remove(policies, reference, "Entscheidungsregeln");
    }

    @Override
    public List<AreaDescriptor> installed() {
        return areas.values().stream().map(r -> (FundingArea) context.locateService(AREA, r)).filter(Objects::nonNull)
                .map(FundingArea::descriptor).toList();
    }

    @Override
    public Optional<AreaDescriptor> find(String areaId) {
        return area(areaId).map(FundingArea::descriptor);
    }

    @Override
    public AreaDescriptor require(String areaId) {
        return requireArea(areaId).descriptor();
    }

    /** The area's service, if installed. */
    public Optional<FundingArea> area(String areaId) {
        return locate(areas, AREA, areaId);
    }

    /** The installed area's service or a German 409 naming the missing module. */
    public FundingArea requireArea(String areaId) {
        return area(areaId).orElseThrow(() -> new ConflictException("Der Förderbereich '" + areaId
                + "' ist derzeit nicht installiert; neue Vorgänge sind erst nach Installation seines Moduls möglich."
                + " Vorhandene Daten bleiben lesbar.", ProblemType.AREA_NOT_INSTALLED));
    }

    /** The area's distribution key, if it shares by one. */
    public Optional<DistributionKey> key(String areaId) {
        return locate(keys, KEY, areaId);
    }

    /** The area's settlement on actuals, if it settles so. */
    public Optional<Settlement> settlement(String areaId) {
        return locate(settlements, SETTLEMENT, areaId);
    }

    /** The area's say in decisions, if it has one. */
    public Optional<de.paktwerk.core.api.spi.DecisionPolicy> policy(String areaId) {
        return locate(policies, POLICY, areaId);
    }

    private <S> Optional<S> locate(ConcurrentMap<String, ServiceReference<S>> map, String name, String areaId) {
        if (areaId == null) {
            return Optional.empty();
        }
        ServiceReference<S> reference = map.get(areaId);
        return reference == null ? Optional.empty() : Optional.ofNullable(context.locateService(name, reference));
    }
}
