package de.paktwerk.core.internal.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Clock} service every rule that depends on today uses (decision dates and numbers, token expiry,
 * retention, overdue reviews in the modules): the system clock in Europe/Berlin, or a fixed instant for tests and
 * demonstrations ({@code de.paktwerk.clock}, {@code fixedInstant}). Modules reference {@code java.time.Clock}.
 */
@Component(service = Clock.class, configurationPid = "de.paktwerk.clock")
@Designate(ocd = ClockConfig.class)
public class PaktwerkClock extends Clock {

    /** The zone of the Land: a day starts and ends in Berlin time. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Logger LOG = LoggerFactory.getLogger(PaktwerkClock.class);

    private volatile Clock delegate = Clock.system(BERLIN);

    @Activate
    public PaktwerkClock(ClockConfig config) {
        modified(config);
    }

    @Modified
    void modified(ClockConfig config) {
        String fixed = config.fixedInstant();
        if (fixed == null || fixed.isBlank()) {
            delegate = Clock.system(BERLIN);
            return;
        }
        try {
            delegate = Clock.fixed(Instant.parse(fixed.trim()), BERLIN);
            LOG.warn("Die Uhr steht fest auf {} (de.paktwerk.clock, nur für Tests und Vorführungen)", fixed.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("fixedInstant ist kein Zeitpunkt nach ISO-8601: " + fixed, e);
        }
    }

    @Override
    public ZoneId getZone() {
        return BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
