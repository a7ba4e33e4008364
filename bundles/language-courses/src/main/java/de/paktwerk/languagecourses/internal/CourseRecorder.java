package de.paktwerk.languagecourses.internal;

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
 * Turns course plans whose decision came into force into courses linked to the decision (the core's lifecycle event
 * {@link ApplicationEvents#DECIDED}). Events are not stored, so on start it also records what was decided while the
 * module was not installed.
 */
@Component(service = EventHandler.class, immediate = true, property = { // immediate: it catches up on start, not at the next event
        EventConstants.EVENT_TOPIC + "=" + ApplicationEvents.DECIDED,
        EventConstants.EVENT_FILTER + "=(" + ApplicationEvents.AREA_ID + "=" + LcRules.AREA + ")"})
public class CourseRecorder implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CourseRecorder.class);

    private final LcStore store;
    private final ApplicationService applications;

    @Activate
    public CourseRecorder(@Reference LcStore store, @Reference ApplicationService applications) {
        this.store = store;
        this.applications = applications;
        int recorded = applications.forEachDecided(LcRules.AREA, store::recordCourses);
        if (recorded > 0) {
            LOG.info("{} Kurse aus Entscheidungen nachgetragen, die ohne das Modul ergangen sind", recorded);
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(ApplicationEvents.APPLICATION_ID);
        if (id instanceof Long applicationId) {
            try {
                record(applications.get(applicationId));
            } catch (RuntimeException e) {
                LOG.error("Kurse des Antrags {} nicht erfasst: {}", applicationId, e.toString());
            }
        }
    }

    private int record(Application app) {
        return applications.decision(app.id()).map(d -> store.recordCourses(app, d)).orElse(0);
    }
}
