package de.paktwerk.civicengagement.internal;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationEvents;
import de.paktwerk.core.api.ApplicationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns decisions of this area that came into force into grants (with their dialogues) that sub-grants, events and
 * strategies refer to (the core's lifecycle event {@link ApplicationEvents#DECIDED}); on start it records what was
 * decided while the module was not installed.
 */
@Component(service = EventHandler.class, immediate = true, property = { // immediate: it catches up on start, not at the next event
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.DECIDED,
        EventConstants.EVENT_FILTER + "=(" + ApplicationEvents.AREA_ID + "=" + CeRules.AREA + ")"})
public class GrantRecorder implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GrantRecorder.class);

    private final CeStore store;
    private final ApplicationService applications;

    @Activate
    public GrantRecorder(@Reference CeStore store, @Reference ApplicationService applications) {
        this.store = store;
        this.applications = applications;
        int recorded = applications.forEachDecided(CeRules.AREA, store::recordGrant);
        if (recorded > 0) {
            LOG.info("{} Zuschüsse aus Entscheidungen nachgetragen, die ohne das Modul ergangen sind", recorded);
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(ApplicationEvents.APPLICATION_ID);
        if (id instanceof Long applicationId) {
            try {
                Application app = applications.get(applicationId);
                applications.decision(app.id()).ifPresent(d -> store.recordGrant(app, d));
            } catch (RuntimeException e) {
                LOG.error("Zuschuss des Antrags {} nicht erfasst: {}", applicationId, e.toString());
            }
        }
    }
}
