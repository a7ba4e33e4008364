package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.FundingArea;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Instrument "capped share per position", for tests only (the AVdual rule): per position
 * min(60 % of the personnel costs, 30,000.00 × FTE in hundredths). Payload
 * {@code {"positions":[{"fteHundredths":50,"costs":"40000.00"}]}}. No key: the budget is the only ceiling.
 */
@Component(service = FundingArea.class, property = FundingArea.ID_PROPERTY + "=" + "test-rate")
public class RatePerPositionArea implements FundingArea {

    static final Money CAP_PER_FTE = Money.parse("30000.00");

    @Override
    public AreaDescriptor descriptor() {
        return new AreaDescriptor("test-rate", "Testbereich Stellen", Instrument.RATE_PER_POSITION, "Wirtschaftsministerium", 1);
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        if (payload == null || !payload.path("positions").isArray() || payload.path("positions").isEmpty()) {
            throw new InvalidInputException("Testbereich Stellen: positions fehlt.");
        }
        List<LineItem> lines = new ArrayList<>();
        long total = 0;
        int n = 1;
        for (JsonNode position : payload.get("positions")) {
            long fte = Payloads.count(position, "fteHundredths", 100);
            Money costs = Payloads.money(position, "costs");
            long sixtyPercent = costs.cents() * 60 / 100;
            long cap = CAP_PER_FTE.cents() * fte / 100;
            lines.add(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Stelle " + n + ": 60 % der Personalkosten", Money.ofCents(sixtyPercent)));
            if (cap < sixtyPercent) {
                lines.add(new LineItem(LineItem.Kind.CAP_APPLIED, "Stelle " + n + ": Höchstbetrag je Stelle", Money.ofCents(sixtyPercent - cap)));
            }
            total += Math.min(sixtyPercent, cap);
            n++;
        }
        return new Assessment(lines, Money.ofCents(total));
    }
}
