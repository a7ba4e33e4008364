package de.paktwerk.im.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Distribution;
import de.paktwerk.core.api.DistributionService;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.api.Share;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.im.internal.Model.Payload;
import de.paktwerk.im.internal.Model.PositionInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The funding area "Integrationsmanagement": prices an application from its positions and refuses
 * applicants whose share in the distribution is below the minimum. Its key is the number of refugees in
 * follow-up accommodation at the reference date: money follows the refugee.
 */
@Component(service = FundingArea.class, property = FundingArea.ID_PROPERTY + "=" + ImRules.AREA)
public class IntegrationManagementArea implements FundingArea {

    static final ObjectMapper PAYLOAD = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ImStore store;
    private final ImRules rules;
    private final MunicipalityRegistry registry;
    private final DistributionService distributions;

    @Activate
    public IntegrationManagementArea(@Reference ImStore store, @Reference ImRules rules, @Reference MunicipalityRegistry registry,
                                     @Reference DistributionService distributions) {
        this.store = store;
        this.rules = rules;
        this.registry = registry;
        this.distributions = distributions;
    }

    @Override
    public String id() {
        return ImRules.AREA;
    }

    @Override
    public String title() {
        return "Integrationsmanagement";
    }

    @Override
    public Money price(NewApplication application, JsonNode payload) {
        Payload p = parse(payload);
        List<PositionInput> positions = new ArrayList<>();
        for (PositionInput in : p.positions()) {
            if (in == null) {
                throw new InvalidInputException("Eine Stelle ist leer.");
            }
            if (in.responsibleKey() != null && !in.responsibleKey().equals(application.applicantKey())) {
                throw new InvalidInputException("Alle Stellen eines Antrags gehören zum Antragsteller " + application.applicantKey() + ".");
            }
            positions.add(new PositionInput(application.applicantKey(), in.providerId(), in.managerName(), in.fte(), in.qualification(),
                    in.experience(), in.hireDate()));
        }
        Money total = store.price(positions).total();
        rules.get().checkMinimumShare(registry.get(application.applicantKey()).name(), share(application));
        return total;
    }

    /** The applicant's share in the newest distribution of this area and period. */
    private Money share(NewApplication application) {
        Distribution latest = distributions.list(ImRules.AREA, application.periodId()).stream()
                .max(Comparator.comparingInt(Distribution::version))
                .orElseThrow(() -> new ConflictException("Für das Integrationsmanagement im Zeitraum " + application.periodId()
                        + " gibt es noch keine Verteilung; Anträge sind erst danach möglich."));
        return distributions.shares(latest.id()).stream().filter(s -> s.bodyKey().equals(application.applicantKey()))
                .map(Share::amount).findFirst().orElse(Money.ZERO);
    }

    static Payload parse(JsonNode payload) {
        if (payload == null || payload.isNull() || !payload.isObject()) {
            throw new InvalidInputException("Der Antrag braucht die Stellen als payload: {\"positions\": [...]}.");
        }
        try {
            Payload p = PAYLOAD.treeToValue(payload, Payload.class);
            if (p.positions() == null || p.positions().isEmpty()) {
                throw new InvalidInputException("Mindestens eine Stelle ist anzugeben (payload.positions).");
            }
            return p;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Die Stellenangaben (payload) sind ungültig: " + e.getOriginalMessage().split("\n")[0]);
        }
    }

    @Override
    public String distributionKeyDescription() {
        return "Geflüchtete in der Anschlussunterbringung zum Stichtag (Geld folgt Flüchtling)";
    }

    @Override
    public Map<String, Long> distributionWeights(LocalDate referenceDate) {
        return registry.refugeeCountsAt(referenceDate);
    }

    @Override
    public LocalDate defaultReferenceDate() {
        return rules.get().referenceDate();
    }
}
