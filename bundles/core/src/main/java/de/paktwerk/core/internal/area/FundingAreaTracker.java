package de.paktwerk.core.internal.area;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingAreas;
import de.paktwerk.core.api.spi.FundingArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whiteboard of the installed funding areas: modules come and go while the platform runs. */
@Component(service = FundingAreas.class)
public class FundingAreaTracker implements FundingAreas {

    private static final Logger LOG = LoggerFactory.getLogger(FundingAreaTracker.class);

    private final ConcurrentMap<String, FundingArea> areas = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFundingArea(FundingArea area) {
        FundingArea previous = areas.put(area.id(), area);
        LOG.info("Förderbereich '{}' ({}) {}", area.id(), area.title(), previous == null ? "verfügbar" : "ersetzt");
    }

    void removeFundingArea(FundingArea area) {
        if (areas.remove(area.id(), area)) {
            LOG.info("Förderbereich '{}' nicht mehr verfügbar", area.id());
        }
    }

    @Override
    public List<FundingArea> installed() {
        List<FundingArea> list = new ArrayList<>(areas.values());
        list.sort(Comparator.comparing(FundingArea::id));
        return list;
    }

    @Override
    public Optional<FundingArea> find(String areaId) {
        return areaId == null ? Optional.empty() : Optional.ofNullable(areas.get(areaId));
    }

    @Override
    public FundingArea require(String areaId) {
        return find(areaId).orElseThrow(() -> new ConflictException("Der Förderbereich '" + areaId
                + "' ist derzeit nicht installiert; neue Vorgänge sind erst nach Installation seines Moduls möglich."
                + " Vorhandene Daten bleiben lesbar."));
    }
}
