package de.paktwerk.im.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.Share;
import de.paktwerk.im.internal.Model.Position;
import de.paktwerk.im.internal.Model.Pricing;
import java.time.LocalDate;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

/** The area's pricing and eligibility with the core's services mocked through their interfaces. */
public class IntegrationManagementAreaTest {

    static final String ULM = "08421000";
    ImStore store = mock(ImStore.class);
    ImRules rules = new ImRules(RulesTest.config());
    MunicipalityRegistry registry = mock(MunicipalityRegistry.class);
    DistributionService distributions = mock(DistributionService.class);
    IntegrationManagementArea area;

    @Before
    public void setUp() {
        area = new IntegrationManagementArea(store, rules, registry, distributions);
        when(registry.get(ULM)).thenReturn(new Municipality(ULM, "Ulm, Universitätsstadt", MunicipalityKind.STADTKREIS, "08421", "Ulm",
                "Tübingen", 126329));
        when(store.price(any())).thenAnswer(inv -> {
            List<Model.PositionInput> in = inv.getArgument(0);
            Money total = Money.ZERO;
            for (Model.PositionInput p : in) {
                total = total.plus(rules.get().price(p.qualification(), Rules.fte(p.fte())));
            }
            return new Pricing(List.<Position>of(), total);
        });
        Distribution d = new Distribution(7, ImRules.AREA, "2017", DistributionKind.PROVISIONAL, 1, Money.parse("35000000.00"),
                LocalDate.of(2017, 9, 15), "key", null, "a", null, 1101);
        when(distributions.list(ImRules.AREA, "2017")).thenReturn(List.of(d));
        when(distributions.shares(7)).thenReturn(List.of(new Share(ULM, 700, Money.parse("300000.00")),
                new Share("08115001", 53, Money.parse("21673.09"))));
    }

    JsonNode payload(String json) throws Exception {
        return IntegrationManagementArea.PAYLOAD.readTree(json);
    }

    NewApplication app(String applicant, JsonNode payload) {
        return new NewApplication(applicant, ImRules.AREA, "2017", Money.parse("100000.00"), null, payload);
    }

    @Test
    public void pricesTheSumOfThePositions() throws Exception {
        JsonNode p = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"0.75\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"},"
                + "{\"managerName\":\"B\",\"fte\":\"0.5\",\"qualification\":\"VOCATIONAL\",\"experience\":\"10 Jahre\",\"hireDate\":\"2018-01-01\"}]}");
        // 68,000 × 0.75 × 2 + 56,000 × 0.5 × 2
        assertEquals(Money.parse("158000.00"), area.price(app(ULM, p), p));
    }

    @Test
    public void refusesBadPayloadsAndSmallShares() throws Exception {
        assertThrows(InvalidInputException.class, () -> area.price(app(ULM, null), null));
        JsonNode empty = payload("{\"positions\":[]}");
        assertThrows(InvalidInputException.class, () -> area.price(app(ULM, empty), empty));
        JsonNode unknown = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\",\"salary\":1}]}");
        assertThrows(InvalidInputException.class, () -> area.price(app(ULM, unknown), unknown));
        JsonNode other = payload("{\"positions\":[{\"responsibleKey\":\"08111000\",\"managerName\":\"A\",\"fte\":\"1\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}");
        assertThrows(InvalidInputException.class, () -> area.price(app(ULM, other), other));

        when(registry.get("08115001")).thenReturn(new Municipality("08115001", "Aidlingen", MunicipalityKind.GEMEINDE, "08115", "Böblingen",
                "Stuttgart", 9003));
        JsonNode ok = payload("{\"positions\":[{\"managerName\":\"A\",\"fte\":\"0.25\",\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}");
        assertThrows(ConflictException.class, () -> area.price(app("08115001", ok), ok));
        when(distributions.list(ImRules.AREA, "2018")).thenReturn(List.of());
        NewApplication noRun = new NewApplication(ULM, ImRules.AREA, "2018", Money.parse("1.00"), null, ok);
        assertThrows(ConflictException.class, () -> area.price(noRun, ok));
    }
}
