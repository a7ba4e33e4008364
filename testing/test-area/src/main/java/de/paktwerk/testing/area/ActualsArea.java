package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.Settlement;
import de.paktwerk.core.api.spi.SettlementContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Instrument "settlement on actuals", for tests only (language courses): approved for the planned teaching units at
 * 40.00 each ({@code {"plannedUnits":300}}), settled at proof of use for the units delivered
 * ({@code {"deliveredUnits":250}}).
 */
@Component(service = {FundingArea.class, Settlement.class}, property = FundingArea.ID_PROPERTY + "=" + "test-actuals")
public class ActualsArea implements FundingArea, Settlement {

    static final Money RATE = Money.parse("40.00");

    @Override
    public AreaDescriptor descriptor() {
        // as in VwV Deutsch, only the Stadt- and Landkreise apply
        return new AreaDescriptor("test-actuals", "Testbereich Ist-Abrechnung", Instrument.SETTLEMENT_ON_ACTUALS, "Sozialministerium", 1,
                java.util.Set.of(de.paktwerk.core.api.ApplicantKind.STADTKREIS, de.paktwerk.core.api.ApplicantKind.LANDKREIS));
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        long units = Payloads.count(payload, "plannedUnits", 10_000);
        Money amount = Money.ofCents(RATE.cents() * units);
        return new Assessment(List.of(new LineItem(LineItem.Kind.RATE, units + " geplante Unterrichtseinheiten × 40,00 €", amount)), amount);
    }

    @Override
    public Assessment settle(SettlementContext context, JsonNode actuals) {
        long units = Payloads.count(actuals, "deliveredUnits", 10_000);
        Money amount = Money.ofCents(RATE.cents() * units);
        return new Assessment(List.of(new LineItem(LineItem.Kind.RATE, units + " erteilte Unterrichtseinheiten × 40,00 €", amount)), amount);
    }
}
