package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.spi.FundingArea;
import java.time.LocalDate;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A funding area for tests only. Prices an application at {@code payload.eligible} (a money string), or at
 * the requested amount without payload; its key is the refugee count at the reference date.
 */
@Component(service = FundingArea.class, property = FundingArea.ID_PROPERTY + "=" + "test-area")
public class TestFundingArea implements FundingArea {

    private final MunicipalityRegistry registry;

    @Activate
    public TestFundingArea(@Reference MunicipalityRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String id() {
        return "test-area";
    }

    @Override
    public String title() {
        return "Testförderbereich";
    }

    @Override
    public Money price(NewApplication application, JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return application.requested();
        }
        if (!payload.isObject() || !payload.path("eligible").isTextual()) {
            throw new InvalidInputException("Testbereich: payload.eligible (Betrag als Zeichenkette) fehlt.");
        }
        return Money.parse(payload.get("eligible").asText());
    }

    @Override
    public String distributionKeyDescription() {
        return "Geflüchtete in Anschlussunterbringung zum Stichtag (Test)";
    }

    @Override
    public Map<String, Long> distributionWeights(LocalDate referenceDate) {
        return registry.refugeeCountsAt(referenceDate);
    }

    @Override
    public LocalDate defaultReferenceDate() {
        return LocalDate.of(2017, 9, 15);
    }
}
