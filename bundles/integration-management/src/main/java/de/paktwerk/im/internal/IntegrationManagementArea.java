package de.paktwerk.im.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.AssessmentContext;
import de.paktwerk.core.api.spi.DistributionKey;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.im.internal.Model.Payload;
import de.paktwerk.im.internal.Model.PositionInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The funding area "Integrationsmanagement": assesses an application from its positions and refuses applicants whose
 * share in the distribution is below the minimum. Its key is the number of refugees in follow-up accommodation at
 * the reference date: money follows the refugee.
 */
@Component(service = {FundingArea.class, DistributionKey.class}, property = FundingArea.ID_PROPERTY + "=" + ImRules.AREA)
public class IntegrationManagementArea implements FundingArea, DistributionKey {

    static final ObjectMapper PAYLOAD = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final AreaDescriptor DESCRIPTOR = new AreaDescriptor(ImRules.AREA, "Integrationsmanagement", Instrument.KEY_BASED_SHARE,
            "Regierungspräsidium Stuttgart", 1);

    private final ImStore store;
    private final ImRules rules;

    @Activate
    public IntegrationManagementArea(@Reference ImStore store, @Reference ImRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public AreaDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Assessment assess(AssessmentContext context, JsonNode payload) {
        String applicantKey = context.applicant().key();
        Payload p = parse(payload);
        List<PositionInput> positions = new ArrayList<>();
        for (PositionInput in : p.positions()) {
            if (in == null) {
                throw new InvalidInputException("Eine Stelle ist leer.");
            }
            if (in.responsibleKey() != null && !in.responsibleKey().equals(applicantKey)) {
                throw new InvalidInputException("Alle Stellen eines Antrags gehören zum Antragsteller " + applicantKey + ".");
            }
            positions.add(new PositionInput(applicantKey, in.providerId(), in.managerName(), in.fte(), in.qualification(),
                    in.experience(), in.hireDate()));
        }
        Model.Pricing pricing;
        try {
            pricing = store.price(positions);
        } catch (InvalidInputException e) {
            throw e.field() == null ? e : e.inside("payload");
        }
        if (context.allocated() == null) {
            throw new ConflictException("Für das Integrationsmanagement im Zeitraum " + context.period().id()
                    + " gibt es noch keine Verteilung mit einem Anteil für " + context.applicant().name() + "; Anträge sind erst danach möglich.");
        }
        rules.get().checkMinimumShare(context.applicant(), context.allocated());
        List<LineItem> lines = new ArrayList<>();
        int n = 1;
        for (Model.Position position : pricing.positions()) {
            lines.add(new LineItem(LineItem.Kind.RATE, "Stelle " + n++ + " (" + position.fte().replace('.', ',') + " VZÄ, "
                    + position.qualification().german() + ")", position.funding()));
        }
        return new Assessment(lines, pricing.total());
    }

    static Payload parse(JsonNode payload) {
        if (payload == null || payload.isNull() || !payload.isObject()) {
            throw new InvalidInputException("Der Antrag braucht die Stellen als payload: {\"positions\": [...]}.");
        }
        Payload p = de.paktwerk.core.api.spi.Payloads.read(payload, Payload.class, "Die Stellenangaben", "payload");
        if (p.positions() == null || p.positions().isEmpty()) {
            throw new InvalidInputException("Mindestens eine Stelle ist anzugeben.", "payload.positions");
        }
        return p;
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
        return "Geflüchtete in der Anschlussunterbringung zum Stichtag (Geld folgt Flüchtling)";
    }

    @Override
    public LocalDate defaultReferenceDate() {
        return rules.get().referenceDate();
    }
}
