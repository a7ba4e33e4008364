package de.paktwerk.core.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes stored idempotent answers after the retention period: at start and then daily. */
@Component(immediate = true, service = IdempotencyRetention.class, configurationPid = "de.paktwerk.retention")
@Designate(ocd = RetentionConfig.class)
public class IdempotencyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private volatile Duration retention;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paktwerk-idempotency-retention");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public IdempotencyRetention(@Reference IdempotencyStore store, RetentionConfig config, @Reference Clock clock) {
        this(store, config, clock, true);
    }

    private IdempotencyRetention(IdempotencyStore store, RetentionConfig config, Clock clock, boolean daily) {
        this.store = store;
        this.clock = clock;
        modified(config);
        if (daily) {
            scheduler.scheduleAtFixedRate(this::purgeQuietly, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        }
    }

    /** Without the daily job, for tests that purge by hand. */
    static IdempotencyRetention unscheduled(IdempotencyStore store, RetentionConfig config, Clock clock) {
        return new IdempotencyRetention(store, config, clock, false);
    }

    @Modified
    void modified(RetentionConfig config) {
        if (config.idempotencyRetentionDays() < 1) {
            throw new IllegalArgumentException("idempotencyRetentionDays muss mindestens 1 sein");
        }
        this.retention = Duration.ofDays(config.idempotencyRetentionDays());
    }

    /** Deletes what is older than the retention period now; returns how many answers. */
    public int purge() {
        int n = store.purgeOlderThan(clock.instant().minus(retention));
        if (n > 0) {
            LOG.info("{} gespeicherte Idempotenz-Antworten nach Ablauf der Frist gelöscht", n);
        }
        return n;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Löschen alter Idempotenz-Antworten fehlgeschlagen; nächster Versuch morgen", e);
        }
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }
}
