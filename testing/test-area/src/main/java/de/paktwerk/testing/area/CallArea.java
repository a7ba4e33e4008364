package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.FundingArea;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Instrument "competitive call", for tests only (neighbourhood dialogues): the call's deadline is the end of the
 * period's first year; a grant is the costs minus an own share of at least 10 %, at most 15,000.00
 * ({@code {"costs":"20000.00","ownShare":"1000.00","submittedOn":"2017-05-01"}}). The jury's ranking is the area's
 * own business; the core checks the call budget.
 */
@Component(service = FundingArea.class, property = FundingArea.ID_PROPERTY + "=" + "test-call")
public class CallArea implements FundingArea {

    static final Money MAX_GRANT = Money.parse("15000.00");

    @Override
    public AreaDescriptor descriptor() {
        // associations, parishes and welfare associations apply in their own name as well as the local authorities
        return new AreaDescriptor("test-call", "Testbereich Aufruf", Instrument.COMPETITIVE_CALL, "Staatsministerium", 1,
                java.util.Set.of(de.paktwerk.core.api.ApplicantKind.values()));
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        Money costs = Payloads.money(payload, "costs");
        Money ownShare = Payloads.money(payload, "ownShare");
        LocalDate deadline = LocalDate.of(context.period().firstYear(), 12, 31);
        if (payload.path("submittedOn").isTextual() && LocalDate.parse(payload.get("submittedOn").asText()).isAfter(deadline)) {
            throw new ConflictException("Die Frist des Aufrufs endete am " + deadline + ".");
        }
        if (ownShare.isNegative() || ownShare.compareTo(costs) > 0) {
            throw new de.paktwerk.core.api.InvalidInputException("Der Eigenanteil liegt zwischen 0,00 € und den Projektkosten.");
        }
        Money minimumOwn = Money.ofCents(costs.cents() / 10);
        Money own = Money.max(ownShare, minimumOwn);
        List<LineItem> lines = new ArrayList<>();
        lines.add(new LineItem(LineItem.Kind.ELIGIBLE_COSTS, "Projektkosten", costs));
        lines.add(new LineItem(LineItem.Kind.OWN_CONTRIBUTION, "Eigenanteil (mindestens 10 %)", own));
        Money grant = costs.minus(own);
        if (grant.compareTo(MAX_GRANT) > 0) {
            lines.add(new LineItem(LineItem.Kind.CAP_APPLIED, "Höchstbetrag je Projekt", grant.minus(MAX_GRANT)));
            grant = MAX_GRANT;
        }
        return new Assessment(lines, grant);
    }
}
