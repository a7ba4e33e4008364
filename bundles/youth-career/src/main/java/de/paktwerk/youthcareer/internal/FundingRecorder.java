package de.paktwerk.youthcareer.internal;

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
 * Turns decisions of this area that came into force into funded positions linked to the decision (the core's
 * lifecycle event {@link ApplicationEvents#DECIDED}) and splits a changed decision's amount anew over them
 * ({@link ApplicationEvents#AMENDED}). Events are not stored, so on start it also records what was decided or changed
 * while the module was not installed.
 */
@Component(service = EventHandler.class, immediate = true, property = { // immediate: it catches up on start, not at the next event
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.DECIDED,
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.AMENDED,
        EventConstants.EVENT_FILTER + "=(" + ApplicationEvents.AREA_ID + "=" + YcRules.AREA + ")"})
public class FundingRecorder implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FundingRecorder.class);

    private final YcStore store;
    private final ApplicationService applications;

    @Activate
    public FundingRecorder(@Reference YcStore store, @Reference ApplicationService applications) {
        this.store = store;
        this.applications = applications;
        int recorded = applications.forEachDecided(YcRules.AREA, store::recordFunding);
        if (recorded > 0) {
            LOG.info("{} geförderte Stellen aus Entscheidungen nachgetragen, die ohne das Modul ergangen sind", recorded);
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(ApplicationEvents.APPLICATION_ID);
        if (id instanceof Long applicationId) {
            try {
                record(applications.get(applicationId));
            } catch (RuntimeException e) {
                LOG.error("Stellen des Antrags {} nicht erfasst: {}", applicationId, e.toString());
            }
        }
    }

    private int record(Application app) {
        return applications.decision(app.id()).map(d -> store.recordFunding(app, d)).orElse(0);
    }
}
