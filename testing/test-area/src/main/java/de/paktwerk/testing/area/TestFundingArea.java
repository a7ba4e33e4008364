package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.DistributionKey;
import de.paktwerk.core.api.spi.FundingArea;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Component;

/**
 * Instrument "key-based share", for tests only: assesses an application at {@code payload.eligible} (a money
 * string), or at the requested amount without payload; its key is the refugee count at the reference date.
 */
@Component(service = {FundingArea.class, DistributionKey.class}, property = FundingArea.ID_PROPERTY + "=" + "test-area")
public class TestFundingArea implements FundingArea, DistributionKey {

    @Override
    public AreaDescriptor descriptor() {
        return new AreaDescriptor("test-area", "Testförderbereich", Instrument.KEY_BASED_SHARE, "Regierungspräsidium Stuttgart", 1);
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return Assessment.of(LineItem.Kind.ELIGIBLE_COSTS, "Beantragter Betrag", context.requested());
        }
        return Assessment.of(LineItem.Kind.ELIGIBLE_COSTS, "Förderfähig laut Antrag", Payloads.money(payload, "eligible"));
    }

    @Override
    public String keyFigureType() {
        return KeyFigure.REFUGEES;
    }

    @Override
    public KeyTarget target() {
        return KeyTarget.MUNICIPALITIES;
    }

    @Override
    public String description() {
        return "Geflüchtete in Anschlussunterbringung zum Stichtag (Test)";
    }

    @Override
    public LocalDate defaultReferenceDate() {
        return LocalDate.of(2017, 9, 15);
    }
}
