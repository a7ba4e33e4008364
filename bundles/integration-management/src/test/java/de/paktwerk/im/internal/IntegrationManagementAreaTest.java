package de.paktwerk.im.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.im.internal.Model.Position;
import de.paktwerk.im.internal.Model.Pricing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

/** The area's assessment and eligibility from the context the core hands it (no core service involved). */
public class IntegrationManagementAreaTest {

    static final Municipality ULM = new Municipality("08421000", "Ulm, Universitätsstadt", MunicipalityKind.STADTKREIS, "08421", "Ulm",
            "Tübingen", 126329);
    static final Municipality AIDLINGEN = new Municipality("08115001", "Aidlingen", MunicipalityKind.GEMEINDE, "08115", "Böblingen",
            "Stuttgart", 9003);
    static final FundingPeriod P2017 = new FundingPeriod("2017", 2017, 2017, Money.parse("160000000.00"), LocalDate.of(2017, 1, 1),
            LocalDate.of(2017, 12, 31));
    ImStore store = mock(ImStore.class);
    ImRules rules = new ImRules(RulesTest.config());
    IntegrationManagementArea area;

    @Before
    public void setUp() {
        area = new IntegrationManagementArea(store, rules);
        when(store.price(any())).thenAnswer(inv -> {
            List<Model.PositionInput> in = inv.getArgument(0);
            Money total = Money.ZERO;
            List<Position> out = new ArrayList<>();
            for (Model.PositionInput p : in) {
                Money funding = rules.get().price(p.qualification(), Rules.fte(p.fte()));
                out.add(new Position(0, p.responsibleKey(), null, p.managerName(), p.fte(), p.qualification(), p.experience(), p.hireDate(),
                        null, funding));
                total = total.plus(funding);
            }
            return new Pricing(out, total);
        });
    }

    JsonNode payload(String json) throws Exception {
        return IntegrationManagementArea.PAYLOAD.readTree(json);
    }

    static AssessmentContext context(Municipality applicant, String allocated) {
        return new AssessmentContext(applicant, null, P2017, Money.parse("100000.00"), null,
                allocated == null ? null : Money.parse(allocated), Money.ZERO, 0, null);
    }

    @Test
    public void assessesEachPositionAsALineAndTheirSum() throws Exception {
        JsonNode p = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"0.75\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"},"
                + "{\"managerName\":\"B\",\"fte\":\"0.5\",\"qualification\":\"VOCATIONAL\",\"experience\":\"10 Jahre\",\"hireDate\":\"2018-01-01\"}]}");
        var assessment = area.assess(context(ULM, "300000.00"), p);
        // 68,000 × 0.75 × 2 + 56,000 × 0.5 × 2
        assertEquals(Money.parse("158000.00"), assessment.amount());
        assertEquals(List.of(new LineItem(LineItem.Kind.RATE, "Stelle 1 (0,75 VZÄ, Hochschulabschluss Sozialwesen)", Money.parse("102000.00")),
                new LineItem(LineItem.Kind.RATE, "Stelle 2 (0,5 VZÄ, Berufsausbildung mit Erfahrungswissen)", Money.parse("56000.00"))), assessment.items());
    }

    @Test
    public void refusesBadPayloadsSmallSharesAndApplicationsBeforeADistribution() throws Exception {
        assertThrows(InvalidInputException.class, () -> area.assess(context(ULM, "300000.00"), null));
        JsonNode empty = payload("{\"positions\":[]}");
        assertThrows(InvalidInputException.class, () -> area.assess(context(ULM, "300000.00"), empty));
        JsonNode unknown = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\",\"salary\":1}]}");
        assertThrows(InvalidInputException.class, () -> area.assess(context(ULM, "300000.00"), unknown));
        JsonNode other = payload("{\"positions\":[{\"responsibleKey\":\"08111000\",\"managerName\":\"A\",\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}");
        assertThrows(InvalidInputException.class, () -> area.assess(context(ULM, "300000.00"), other));

        JsonNode ok = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"0.25\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}");
        de.paktwerk.core.api.RuleViolatedException small = assertThrows(de.paktwerk.core.api.RuleViolatedException.class, () -> area.assess(context(AIDLINGEN, "21673.09"), ok));
        assertEquals("Aidlingen erhält in der Verteilung nur 21.673,09 € und damit weniger als 51.000,00 €. Bitte mit Nachbarkommunen"
                + " bündeln oder die Aufgabe an den Landkreis (Böblingen) übertragen.", small.getMessage());
        ConflictException noRun = assertThrows(ConflictException.class, () -> area.assess(context(ULM, null), ok));
        assertEquals("Für das Integrationsmanagement im Zeitraum 2017 gibt es noch keine Verteilung mit einem Anteil für"
                + " Ulm, Universitätsstadt; Anträge sind erst danach möglich.", noRun.getMessage());
    }
}
