package de.paktwerk.im.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes case data after the retention period, once at start and then daily (GDPR storage limitation). */
@Component(immediate = true, service = ImRetention.class)
public class ImRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ImRetention.class);

    private final ImStore store;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paktwerk-im-retention");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ImRetention(@Reference ImStore store) {
        this.store = store;
        scheduler.scheduleAtFixedRate(this::purgeQuietly, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    /** Runs the deletion now. */
    public List<String> purge(String actor) {
        List<String> deleted = store.purgeExpired(store.today(), actor);
        if (!deleted.isEmpty()) {
            LOG.info("{} Fälle nach Ablauf der Aufbewahrungsfrist gelöscht", deleted.size());
        }
        return deleted;
    }

    private void purgeQuietly() {
        try {
            purge(de.paktwerk.core.api.Actors.SYSTEM);
        } catch (RuntimeException e) {
            LOG.warn("Löschen abgelaufener Falldaten fehlgeschlagen; nächster Versuch morgen", e);
        }
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }
}
