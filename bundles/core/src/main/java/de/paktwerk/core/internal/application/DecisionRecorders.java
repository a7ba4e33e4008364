package de.paktwerk.core.internal.application;

import de.paktwerk.core.api.ApplicationEvents;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.spi.DecisionRecorder;
import de.paktwerk.core.api.spi.FundingArea;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every decision that came into force (or was changed) to its area's {@link DecisionRecorder}, and when a recorder
 * appears, every decision of its area in force: lifecycle events are not stored, so what was decided while a module was
 * not installed is recorded when it comes (back).
 */
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.DECIDED,
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.AMENDED})
public class DecisionRecorders implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorders.class);

    private final ApplicationService applications;
    private final Map<String, DecisionRecorder> recorders = new ConcurrentHashMap<>();

    @Activate
    public DecisionRecorders(@Reference ApplicationService applications) {
        this.applications = applications;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecorder(DecisionRecorder recorder, Map<String, Object> properties) {
        Object area = properties.get(FundingArea.ID_PROPERTY);
        if (!(area instanceof String id)) {
            LOG.warn("DecisionRecorder ohne {} übergangen", FundingArea.ID_PROPERTY);
            return;
        }
        recorders.put(id, recorder);
        try {
            int recorded = applications.forEachDecided(id, recorder::record);
            if (recorded > 0) {
                LOG.info("Förderbereich {}: {} Einträge aus Entscheidungen nachgetragen, die ohne das Modul ergangen sind", id, recorded);
            }
        } catch (RuntimeException e) {
            LOG.error("Förderbereich {}: Entscheidungen nicht nachgetragen: {}", id, e.toString());
        }
    }

    void removeRecorder(DecisionRecorder recorder, Map<String, Object> properties) {
        Object area = properties.get(FundingArea.ID_PROPERTY);
        if (area instanceof String id) {
            recorders.remove(id, recorder);
        }
    }

    @Override
    public void handleEvent(Event event) {
        DecisionRecorder recorder = recorders.get(String.valueOf(event.getProperty(ApplicationEvents.AREA_ID)));
        Object id = event.getProperty(ApplicationEvents.APPLICATION_ID);
        if (recorder == null || !(id instanceof Long applicationId)
                || ApplicationEvents.AMENDED.equals(event.getTopic()) && !recorder.followsAmendments()) {
            return;
        }
        try {
            applications.decision(applicationId).ifPresent(d -> recorder.record(applications.get(applicationId), d));
        } catch (RuntimeException e) {
            LOG.error("Entscheidung zu Antrag {} im Förderbereich {} nicht erfasst: {}", applicationId, event.getProperty(ApplicationEvents.AREA_ID),
                    e.toString());
        }
    }
}
