package de.paktwerk.core.internal.letter;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.UnknownEntityException;
import de.paktwerk.core.api.db.Sql;
import de.paktwerk.core.internal.area.FundingAreaTracker;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.Jdbc;
import de.paktwerk.core.internal.json.Json;
import de.paktwerk.core.internal.letter.LetterRenderer.Block;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Decisions as documents: the Zuwendungsbescheid of a decision in force, the Schlussbescheid of a settled proof of use
 * and the Zuweisungsbescheid of each flat-allocation payment, as PDF/A-2b letters from the records. A letter is made
 * once and stored unchanged with its SHA-256 (the audit chain commits to the hash, not the content); the text blocks
 * of the approval office are versioned and the letter records the version it used; made again from the same records it
 * has the same bytes.
 */
@Component(service = Letters.class)
public class Letters {

    /** Kinds of letters. */
    public enum Kind {
        /** Zuwendungs- or Ablehnungsbescheid. */
        DECISION,
        /** Änderungsbescheid: a change of a decision in force (stored as a decision letter with the change's sequence). */
        AMENDMENT,
        /** Schlussbescheid after the proof of use. */
        SETTLEMENT,
        /** Zuweisungsbescheid of a flat-allocation payment. */
        PAYMENT_NOTICE
    }

    /** A stored letter. */
    public record LetterInfo(long id, Long applicationId, Long paymentId, int number, Kind kind, String bodyKey, String sha256,
                             String template, Long replacesId, int bytes, Instant createdAt) {
    }

    /**
     * The approval office's letterhead and text blocks for an area ({@code *}: every area without its own), versioned.
     *
     * @param officeLines address lines under the office's name (street, town, phone, e-mail)
     * @param place the place in the date line, e.g. "Stuttgart"
     * @param conditions the conditions (Nebenbestimmungen) of every approval, e.g. ANBest-K
     * @param legalRemedies the instructions on legal remedies (Rechtsbehelfsbelehrung)
     * @param showApprovers whether the letter names who decided and who confirmed
     */
    public record Template(String areaId, int version, String officeName, List<String> officeLines, String place, String conditions,
                           String legalRemedies, boolean showApprovers, String createdBy, Instant createdAt) {
    }

    /** A template as an administrator sends it. */
    public record TemplateInput(String officeName, List<String> officeLines, String place, String conditions, String legalRemedies,
                                Boolean showApprovers) {
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final MunicipalityRegistry registry;
    private final FundingAreaTracker areas;
    private final Clock clock;
    private final LetterRenderer renderer = new LetterRenderer();

    @Activate
    public Letters(@Reference CoreDatabase database, @Reference AuditLog audit, @Reference MunicipalityRegistry registry,
                   @Reference FundingAreaTracker areas, @Reference Clock clock) {
        this.jdbc = database.jdbc();
        this.audit = audit;
        this.registry = registry;
        this.areas = areas;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- templates -----------------------------------------------------------------------------------------

    /** The current template of an area, or the general one. */
    public Template template(String areaId) {
        return jdbc.tx(c -> current(c, areaId));
    }

    static Template current(Connection c, String areaId) throws SQLException {
        Optional<Template> own = Sql.one(c, "SELECT * FROM letter_template WHERE area_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY",
                Letters::template, areaId);
        if (own.isPresent()) {
            return own.get();
        }
        return Sql.one(c, "SELECT * FROM letter_template WHERE area_id = '*' ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", Letters::template)
                .orElseThrow(() -> new IllegalStateException("Kein Briefkopf hinterlegt"));
    }

    /**
     * "area:version" of the template in force for an area: what a decision records for its letter. One indexed query
     * for the key only (it runs in every decision; the texts are read when a letter is made).
     */
    public static String currentKey(Connection c, String areaId) throws SQLException {
        return Sql.one(c, "SELECT area_id, version FROM letter_template WHERE area_id IN (?, '*') ORDER BY CASE WHEN area_id = '*' THEN 1 ELSE 0 END,"
                + " version DESC FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1) + ":" + rs.getInt(2), areaId)
                .orElseThrow(() -> new IllegalStateException("Kein Briefkopf hinterlegt"));
    }

    private static Template template(Connection c, String key) throws SQLException {
        int colon = key.lastIndexOf(':');
        return Sql.one(c, "SELECT * FROM letter_template WHERE area_id = ? AND version = ?", Letters::template, key.substring(0, colon),
                Integer.parseInt(key.substring(colon + 1))).orElseThrow();
    }

    private static Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getString("area_id"), rs.getInt("version"), rs.getString("office_name"), lines(rs.getString("office_lines")),
                rs.getString("place"), rs.getString("conditions"), rs.getString("legal_remedies"), rs.getBoolean("show_approvers"),
                rs.getString("created_by"), Sql.instant(rs, "created_at"));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    /** A funding area installed now, or one that applications were made for (a module removed keeps its letters). */
    private void requireKnownArea(String areaId) {
        if (areaId == null || areaId.isBlank()) {
            throw new InvalidInputException("Bitte den Förderbereich angeben.", "areaId");
        }
        if (areas.find(areaId).isEmpty() && jdbc.tx(c -> Sql.one(c, "SELECT id FROM application WHERE area_id = ? FETCH FIRST 1 ROWS ONLY",
                rs -> rs.getLong(1), areaId)).isEmpty()) {
            throw new UnknownEntityException("Einen Förderbereich '" + (areaId.length() > 64 ? areaId.substring(0, 64) + "…" : areaId)
                    + "' gibt es nicht.");
        }
    }

    /** A new version of an area's template (or of the general one, {@code *}); letters made earlier keep theirs. */
    public Template setTemplate(String areaId, TemplateInput in, String actor) {
        if (areaId == null || !(areaId.equals("*") || areaId.matches("[a-z][a-z0-9-]{1,63}"))) {
            throw new InvalidInputException("Förderbereich '" + areaId + "' ist keine gültige Kennung (oder * für alle).");
        }
        if (!areaId.equals("*")) {
            requireKnownArea(areaId);
        }
        if (in == null || blank(in.officeName()) || in.officeName().length() > 200 || blank(in.place()) || in.place().length() > 100
                || blank(in.conditions()) || in.conditions().length() > 20_000 || blank(in.legalRemedies()) || in.legalRemedies().length() > 10_000) {
            throw new InvalidInputException("Ein Briefkopf braucht officeName (≤ 200), place (≤ 100), conditions (≤ 20000) und legalRemedies (≤ 10000).");
        }
        List<String> officeLines = in.officeLines() == null ? List.of() : in.officeLines();
        if (officeLines.size() > 8 || officeLines.stream().anyMatch(l -> l == null || l.length() > 120 || l.contains("\n"))) {
            throw new InvalidInputException("Höchstens 8 Adresszeilen (officeLines) mit je höchstens 120 Zeichen.");
        }
        return jdbc.tx(c -> {
            int version = (int) Sql.count(c, "SELECT COALESCE(MAX(version), 0) FROM letter_template WHERE area_id = ?", areaId) + 1;
            Sql.update(c, "INSERT INTO letter_template (area_id, version, office_name, office_lines, place, conditions, legal_remedies, show_approvers,"
                            + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", areaId, version, in.officeName().trim(),
                    String.join("\n", officeLines), in.place().trim(), in.conditions().trim(), in.legalRemedies().trim(),
                    Boolean.TRUE.equals(in.showApprovers()), actor, now());
            audit.append(c, actor, "letter_template", areaId + ":" + version, "create", null, null);
            return template(c, areaId + ":" + version);
        });
    }

    /** The address lines of a body (maintained by the office), shown under its name. */
    public List<String> setAddress(String bodyKey, List<String> addressLines, String actor) {
        registry.find(bodyKey).orElseThrow(() -> new UnknownEntityException("Kommune " + bodyKey + " ist unbekannt."));
        if (addressLines == null || addressLines.isEmpty() || addressLines.size() > 5
                || addressLines.stream().anyMatch(l -> l == null || l.isBlank() || l.length() > 120 || l.contains("\n"))) {
            throw new InvalidInputException("Eine Anschrift hat 1 bis 5 Zeilen mit je höchstens 120 Zeichen (lines).");
        }
        return jdbc.tx(c -> {
            Sql.update(c, "DELETE FROM letter_address WHERE body_key = ?", bodyKey);
            Sql.update(c, "INSERT INTO letter_address (body_key, lines, updated_by, updated_at) VALUES (?, ?, ?, ?)", bodyKey,
                    String.join("\n", addressLines), actor, now());
            audit.append(c, actor, "letter_address", bodyKey, "set", null, null);
            return addressLines;
        });
    }

    private List<String> recipient(Connection c, String bodyKey, String providerName) throws SQLException {
        Municipality m = registry.find(bodyKey).orElseThrow();
        List<String> out = new ArrayList<>();
        if (providerName != null) {
            out.add(providerName);
            out.add("Träger in " + m.name());
        } else {
            out.add(m.kind() == de.paktwerk.core.api.MunicipalityKind.LANDKREIS ? "Landratsamt " + m.name().replace("Landkreis ", "") : m.name());
        }
        Sql.one(c, "SELECT lines FROM letter_address WHERE body_key = ?", rs -> rs.getString(1), bodyKey).ifPresent(l -> out.addAll(lines(l)));
        return out;
    }

    // ---- letters of applications ---------------------------------------------------------------------------

    /** The letters of an application, made now if its decision or settlement has none yet. */
    public List<LetterInfo> letters(long applicationId) {
        return jdbc.tx(c -> {
            Optional<String> state = Sql.one(c, "SELECT state FROM application WHERE id = ? FOR UPDATE", rs -> rs.getString(1), applicationId);
            if (state.isEmpty()) {
                throw new UnknownEntityException("Antrag " + applicationId + " ist unbekannt.");
            }
            ensureDecisionLetter(c, applicationId);
            ensureAmendmentLetters(c, applicationId);
            ensureSettlementLetter(c, applicationId);
            return Sql.list(c, "SELECT * FROM letter WHERE application_id = ? ORDER BY number", Letters::info, applicationId);
        });
    }

    /** The stored bytes of a letter of an application. */
    public byte[] content(long applicationId, int number) {
        letters(applicationId);
        return jdbc.tx(c -> Sql.one(c, "SELECT content FROM letter WHERE application_id = ? AND number = ?", rs -> rs.getBytes(1), applicationId, number)
                .orElseThrow(() -> new UnknownEntityException("Antrag " + applicationId + " hat keinen Brief Nr. " + number + ".")));
    }

    private record DecisionRow(String number, LocalDate date, String approver, String outcome, long amount, String conditions, String confirmedBy,
                               String office, String template, boolean inForce) {
    }

    private record AppRow(long id, String applicantKey, String areaId, String periodId, long requested, Long providerId, Instant createdAt,
                          String assessment, String termKind, LocalDate termStart, LocalDate termEnd) {
    }

    private static AppRow app(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM application WHERE id = ?", rs -> new AppRow(rs.getLong("id"), rs.getString("applicant_key"),
                rs.getString("area_id"), rs.getString("period_id"), rs.getLong("requested_cents"), Sql.nullableLong(rs, "provider_id"),
                Sql.instant(rs, "created_at"), rs.getString("assessment"), rs.getString("term_kind"),
                rs.getObject("term_start") == null ? null : Sql.date(rs, "term_start"), rs.getObject("term_end") == null ? null : Sql.date(rs, "term_end")),
                id).orElseThrow();
    }

    /** The decision in force (after any change). */
    private static Optional<DecisionRow> decision(Connection c, long applicationId) throws SQLException {
        return Sql.one(c, "SELECT * FROM decision WHERE application_id = ?", rs -> new DecisionRow(rs.getString("number"), Sql.date(rs, "decided_on"),
                rs.getString("approver"), rs.getString("outcome"), rs.getLong("amount_cents"), rs.getString("conditions"), rs.getString("confirmed_by"),
                rs.getString("approval_office"), rs.getString("letter_template"), !rs.getBoolean("needs_confirmation") || rs.getString("confirmed_by") != null),
                applicationId);
    }

    /** The decision as it was decided, before any change: what its letter says, whenever it is made. */
    private static Optional<DecisionRow> originalDecision(Connection c, long applicationId) throws SQLException {
        Optional<DecisionRow> now = decision(c, applicationId);
        Optional<Amendment> first = amendments(c, applicationId).stream().findFirst();
        if (now.isEmpty() || first.isEmpty()) {
            return now;
        }
        DecisionRow d = now.get();
        Amendment a = first.get();
        return Optional.of(new DecisionRow(d.number(), d.date(), d.approver(), a.previousOutcome(), a.previousAmount(), a.previousConditions(),
                d.confirmedBy(), d.office(), d.template(), d.inForce()));
    }

    private record Amendment(int seq, String number, LocalDate date, String approver, String previousOutcome, long previousAmount,
                             String previousConditions, long amount, String conditions, String reason, String template) {
    }

    private static List<Amendment> amendments(Connection c, long applicationId) throws SQLException {
        return Sql.list(c, "SELECT * FROM decision_amendment WHERE application_id = ? ORDER BY seq", rs -> new Amendment(rs.getInt("seq"),
                rs.getString("number"), Sql.date(rs, "decided_on"), rs.getString("approver"), rs.getString("previous_outcome"),
                rs.getLong("previous_amount_cents"), rs.getString("previous_conditions"), rs.getLong("amount_cents"), rs.getString("conditions"),
                rs.getString("reason"), rs.getString("letter_template")), applicationId);
    }

    private void ensureDecisionLetter(Connection c, long applicationId) throws SQLException {
        Optional<DecisionRow> d = originalDecision(c, applicationId);
        if (d.isEmpty() || !d.get().inForce() || exists(c, applicationId, Kind.DECISION)) {
            return;
        }
        AppRow app = app(c, applicationId);
        Template t = d.get().template() == null ? current(c, app.areaId()) : template(c, d.get().template());
        byte[] pdf = renderer.render(decisionLetter(c, app, d.get(), t));
        store(c, applicationId, null, app.applicantKey(), Kind.DECISION, 0, t, null, pdf, d.get().number());
    }

    /** An Änderungsbescheid for every change of the decision that has none yet, each naming the letter it changes. */
    private void ensureAmendmentLetters(Connection c, long applicationId) throws SQLException {
        List<Amendment> changes = amendments(c, applicationId);
        if (changes.isEmpty()) {
            return;
        }
        // the decision letters made so far by change (0: the Zuwendungsbescheid)
        Map<Integer, Long> made = new java.util.HashMap<>();
        for (long[] row : Sql.list(c, "SELECT amendment_seq, id FROM letter WHERE application_id = ? AND kind = 'DECISION'",
                rs -> new long[] {rs.getInt(1), rs.getLong(2)}, applicationId)) {
            made.put((int) row[0], row[1]);
        }
        DecisionRow d = decision(c, applicationId).orElseThrow();
        AppRow app = app(c, applicationId);
        for (Amendment a : changes) {
            if (made.containsKey(a.seq())) {
                continue;
            }
            Template t = template(c, a.template());
            byte[] pdf = renderer.render(amendmentLetter(c, app, d, changes, a.seq(), t));
            made.put(a.seq(), store(c, applicationId, null, app.applicantKey(), Kind.DECISION, a.seq(), t, made.get(a.seq() - 1), pdf, a.number()).id());
        }
    }

    /** The Änderungsbescheid of change {@code seq}: it changes the decision, or the change before it. */
    private LetterRenderer.Letter amendmentLetter(Connection c, AppRow app, DecisionRow d, List<Amendment> changes, int seq, Template t)
            throws SQLException {
        Amendment previous = seq == 1 ? null : changes.get(seq - 2);
        return amendmentLetter(c, app, d, changes.get(seq - 1), previous == null ? d.number() : previous.number(),
                previous == null ? d.date() : previous.date(), t);
    }

    private LetterRenderer.Letter amendmentLetter(Connection c, AppRow app, DecisionRow d, Amendment a, String previousNumber, LocalDate previousDate,
                                                  Template t) throws SQLException {
        String area = areas.find(app.areaId()).map(de.paktwerk.core.api.AreaDescriptor::title).orElse(app.areaId());
        String office = d.office() == null ? t.officeName() : d.office();
        Money before = Money.ofCents(a.previousAmount());
        Money after = Money.ofCents(a.amount());
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("Sehr geehrte Damen und Herren,"));
        blocks.add(Block.text("der Zuwendungsbescheid " + d.number() + " vom " + german(d.date()) + " zu Ihrem Antrag Nr. " + app.id()
                + (a.seq() == 1 ? "" : " in der Fassung des Änderungsbescheids " + previousNumber + " vom " + german(previousDate))
                + " wird wie folgt geändert:"));
        if (after.compareTo(before) != 0) {
            blocks.add(Block.rows(List.<String[]>of(new String[] {"bisher bewilligt", before.toGerman()}, new String[] {"nun bewilligt", after.toGerman()},
                    new String[] {"Minderung", before.minus(after).toGerman()})));
            blocks.add(Block.text("Die Zuwendung beträgt nun " + after.toGerman() + " (in Worten: " + LetterRenderer.words(after) + ")."));
        }
        if (!java.util.Objects.equals(a.previousConditions(), a.conditions())) {
            blocks.add(Block.heading("Nebenbestimmungen"));
            blocks.add(Block.text(t.conditions() + (a.conditions() == null ? "" : "\n" + a.conditions())));
        }
        blocks.add(Block.heading("Begründung"));
        blocks.add(Block.text(a.reason()));
        blocks.add(Block.text("Dieser Bescheid ändert den Bescheid " + previousNumber + " vom " + german(previousDate)
                + "; im Übrigen bleibt es bei dessen Bestimmungen. Textbausteine: Fassung " + t.version()
                + (t.areaId().equals("*") ? "" : " für " + area) + " vom " + german(LocalDate.ofInstant(t.createdAt(), BERLIN)) + "."));
        blocks.add(Block.heading("Rechtsbehelfsbelehrung"));
        blocks.add(Block.text(t.legalRemedies()));
        if (t.showApprovers()) {
            blocks.add(Block.text("Geändert von " + a.approver() + "."));
        }
        blocks.add(Block.text("Mit freundlichen Grüßen\n" + office));
        List<String> sender = new ArrayList<>();
        sender.add(office);
        sender.addAll(t.officeLines());
        String subject = "Änderungsbescheid – Pakt für Integration, Förderbereich " + area;
        return new LetterRenderer.Letter(sender, recipient(c, app.applicantKey(), providerName(c, app.providerId())), t.place() + ", " + german(a.date()),
                a.number(), subject, blocks, office + " · Bescheid " + a.number(), a.date(), subject + " " + a.number());
    }

    private LetterRenderer.Letter decisionLetter(Connection c, AppRow app, DecisionRow d, Template t) throws SQLException {
        String area = areas.find(app.areaId()).map(de.paktwerk.core.api.AreaDescriptor::title).orElse(app.areaId());
        Money amount = Money.ofCents(d.amount());
        String office = d.office() == null ? t.officeName() : d.office();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("Sehr geehrte Damen und Herren,"));
        String applied = "auf Ihren Antrag Nr. " + app.id() + " vom " + german(LocalDate.ofInstant(app.createdAt(), BERLIN)) + " über "
                + Money.ofCents(app.requested()).toGerman();
        String subject;
        switch (d.outcome()) {
            case "REJECTED" -> {
                subject = "Ablehnungsbescheid – Pakt für Integration, Förderbereich " + area;
                blocks.add(Block.text(applied + " ergeht folgender Bescheid: Der Antrag wird abgelehnt."));
                if (d.conditions() != null) {
                    blocks.add(Block.heading("Begründung"));
                    blocks.add(Block.text(d.conditions()));
                }
            }
            default -> {
                boolean partial = "PARTIALLY_APPROVED".equals(d.outcome());
                subject = "Zuwendungsbescheid" + (partial ? " (Teilbewilligung)" : "") + " – Pakt für Integration, Förderbereich " + area;
                blocks.add(Block.text(applied + " bewilligen wir Ihnen" + (partial ? " teilweise" : "") + " eine Zuwendung als Projektförderung in Höhe von"));
                blocks.add(Block.rows(List.<String[]>of(new String[] {"Zuwendung", amount.toGerman()})));
                blocks.add(Block.text("(in Worten: " + LetterRenderer.words(amount) + ")."));
                blocks.add(Block.heading("Zuwendungszweck"));
                blocks.add(Block.text("Förderbereich " + area + " im Pakt für Integration mit den Kommunen in Baden-Württemberg, Förderzeitraum "
                        + app.periodId() + (app.termKind() == null ? "" : ", " + german(app.termStart()) + " bis " + german(app.termEnd())) + "."));
                List<String[]> rows = assessment(app.assessment());
                if (!rows.isEmpty()) {
                    blocks.add(Block.heading("Berechnung"));
                    blocks.add(Block.rows(rows));
                }
                blocks.add(Block.heading("Nebenbestimmungen"));
                blocks.add(Block.text(t.conditions() + (d.conditions() == null ? "" : "\n" + d.conditions())));
            }
        }
        blocks.add(Block.text("Textbausteine: Fassung " + t.version() + (t.areaId().equals("*") ? "" : " für " + area) + " vom "
                + german(LocalDate.ofInstant(t.createdAt(), BERLIN)) + "."));
        blocks.add(Block.heading("Rechtsbehelfsbelehrung"));
        blocks.add(Block.text(t.legalRemedies()));
        if (t.showApprovers()) {
            blocks.add(Block.text("Entschieden von " + d.approver() + (d.confirmedBy() == null ? "" : ", bestätigt von " + d.confirmedBy()) + "."));
        }
        blocks.add(Block.text("Mit freundlichen Grüßen\n" + office));
        List<String> sender = new ArrayList<>();
        sender.add(office);
        sender.addAll(t.officeLines());
        return new LetterRenderer.Letter(sender, recipient(c, app.applicantKey(), providerName(c, app.providerId())), t.place() + ", " + german(d.date()),
                d.number(), subject, blocks, office + " · Bescheid " + d.number(), d.date(), subject + " " + d.number());
    }

    private static String providerName(Connection c, Long providerId) throws SQLException {
        return providerId == null ? null : Sql.one(c, "SELECT name FROM provider WHERE id = ?", rs -> rs.getString(1), providerId).orElse(null);
    }

    /** The assessment's lines as stored with the application (label, amount). */
    private static List<String[]> assessment(String json) {
        List<String[]> rows = new ArrayList<>();
        if (json == null) {
            return rows;
        }
        try {
            for (com.fasterxml.jackson.databind.JsonNode line : Json.stored().readTree(json)) {
                rows.add(new String[] {line.path("label").asText(), Money.parse(line.path("amount").asText()).toGerman()});
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return rows;
        }
        return rows;
    }

    private void ensureSettlementLetter(Connection c, long applicationId) throws SQLException {
        if (exists(c, applicationId, Kind.SETTLEMENT)) {
            return;
        }
        Optional<long[]> proof = Sql.one(c, "SELECT spent_cents, paid_cents, accepted_cents, released_cents FROM proof_of_use WHERE application_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, applicationId);
        Optional<DecisionRow> d = decision(c, applicationId);
        if (proof.isEmpty() || d.isEmpty()) {
            return;
        }
        AppRow app = app(c, applicationId);
        Template t = d.get().template() == null ? current(c, app.areaId()) : template(c, d.get().template());
        LocalDate date = Sql.one(c, "SELECT created_at FROM proof_of_use WHERE application_id = ?", rs -> Sql.instant(rs, "created_at"), applicationId)
                .map(i -> LocalDate.ofInstant(i, BERLIN)).orElseThrow();
        long[] p = proof.get();
        Money approved = Money.ofCents(d.get().amount());
        Money paid = Money.ofCents(Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM drawdown WHERE application_id = ?", applicationId));
        Money accepted = Money.ofCents(p[2]);
        Money reclaim = Money.ofCents(Sql.count(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM reclaim WHERE application_id = ?", applicationId));
        String area = areas.find(app.areaId()).map(de.paktwerk.core.api.AreaDescriptor::title).orElse(app.areaId());
        String office = d.get().office() == null ? t.officeName() : d.get().office();
        String number = d.get().number() + "-S";
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("Sehr geehrte Damen und Herren,"));
        List<Amendment> changes = amendments(c, applicationId);
        String lastChange = changes.isEmpty() ? "" : " in der Fassung des Änderungsbescheids " + changes.get(changes.size() - 1).number() + " vom "
                + german(changes.get(changes.size() - 1).date());
        blocks.add(Block.text("zu Ihrem Verwendungsnachweis für die mit Bescheid " + d.get().number() + " vom " + german(d.get().date()) + lastChange
                + " bewilligte Zuwendung setzen wir die Zuwendung endgültig fest:"));
        blocks.add(Block.rows(List.<String[]>of(new String[] {"bewilligt", approved.toGerman()}, new String[] {"ausgezahlt", paid.toGerman()},
                new String[] {"anerkannt (endgültige Zuwendung)", accepted.toGerman()}, new String[] {"frei geworden", Money.ofCents(p[3]).toGerman()},
                new String[] {"zurückgefordert", reclaim.toGerman()})));
        if (reclaim.isPositive()) {
            blocks.add(Block.text("Den Betrag von " + reclaim.toGerman() + " (in Worten: " + LetterRenderer.words(reclaim) + ") fordern wir zurück;"
                    + " er ist innerhalb eines Monats nach Bekanntgabe dieses Bescheids zu erstatten und nach § 49a LVwVfG zu verzinsen."));
        }
        blocks.add(Block.heading("Rechtsbehelfsbelehrung"));
        blocks.add(Block.text(t.legalRemedies()));
        blocks.add(Block.text("Mit freundlichen Grüßen\n" + office));
        List<String> sender = new ArrayList<>();
        sender.add(office);
        sender.addAll(t.officeLines());
        String subject = "Schlussbescheid zum Verwendungsnachweis – Pakt für Integration, Förderbereich " + area;
        byte[] pdf = renderer.render(new LetterRenderer.Letter(sender, recipient(c, app.applicantKey(), providerName(c, app.providerId())),
                t.place() + ", " + german(date), number, subject, blocks, office + " · Bescheid " + number, date, subject + " " + number));
        store(c, applicationId, null, app.applicantKey(), Kind.SETTLEMENT, t, null, pdf, number);
    }

    private static boolean exists(Connection c, long applicationId, Kind kind) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM letter WHERE application_id = ? AND kind = ? AND amendment_seq = 0", applicationId, kind) > 0;
    }

    private LetterInfo store(Connection c, Long applicationId, Long paymentId, String bodyKey, Kind kind, Template t, Long replaces, byte[] pdf,
                             String reference) throws SQLException {
        return store(c, applicationId, paymentId, bodyKey, kind, 0, t, replaces, pdf, reference);
    }

    private LetterInfo store(Connection c, Long applicationId, Long paymentId, String bodyKey, Kind kind, int amendmentSeq, Template t, Long replaces,
                             byte[] pdf, String reference) throws SQLException {
        String sha = HexFormat.of().formatHex(sha256(pdf));
        int number = applicationId == null ? 1
                : (int) Sql.count(c, "SELECT COALESCE(MAX(number), 0) FROM letter WHERE application_id = ?", applicationId) + 1;
        long id = Sql.insert(c, "INSERT INTO letter (application_id, payment_id, body_key, number, kind, amendment_seq, template, replaces_id, sha256,"
                + " size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", applicationId, paymentId, bodyKey, number, kind,
                amendmentSeq, t.areaId() + ":" + t.version(), replaces, sha, pdf.length, pdf, now());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", amendmentSeq > 0 ? Kind.AMENDMENT.name() : kind.name());
        record.put("reference", reference);
        record.put("sha256", sha);
        audit.append(c, "system", "letter", String.valueOf(id), "create", null, Json.write(record));
        return Sql.one(c, "SELECT * FROM letter WHERE id = ?", Letters::info, id).orElseThrow();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LetterInfo info(ResultSet rs) throws SQLException {
        return new LetterInfo(rs.getLong("id"), Sql.nullableLong(rs, "application_id"), Sql.nullableLong(rs, "payment_id"), rs.getInt("number"),
                rs.getInt("amendment_seq") > 0 ? Kind.AMENDMENT : Kind.valueOf(rs.getString("kind")), rs.getString("body_key"), rs.getString("sha256"), rs.getString("template"),
                Sql.nullableLong(rs, "replaces_id"), rs.getInt("size_bytes"), Sql.instant(rs, "created_at"));
    }

    /** Makes the letter of a decision again from the records, without storing it (to compare with the stored one). */
    public byte[] regenerate(long applicationId, int number) {
        return jdbc.tx(c -> {
            LetterInfo info = Sql.one(c, "SELECT * FROM letter WHERE application_id = ? AND number = ?", Letters::info, applicationId, number)
                    .orElseThrow(() -> new UnknownEntityException("Antrag " + applicationId + " hat keinen Brief Nr. " + number + "."));
            AppRow app = app(c, applicationId);
            if (info.kind() == Kind.AMENDMENT) {
                int seq = Sql.one(c, "SELECT amendment_seq FROM letter WHERE id = ?", rs -> rs.getInt(1), info.id()).orElseThrow();
                return renderer.render(amendmentLetter(c, app, decision(c, applicationId).orElseThrow(), amendments(c, applicationId), seq,
                        template(c, info.template())));
            }
            if (info.kind() != Kind.DECISION) {
                throw new ConflictException("Neu erzeugen lässt sich hier der Zuwendungs- oder Änderungsbescheid.");
            }
            DecisionRow d = originalDecision(c, applicationId).orElseThrow();
            return renderer.render(decisionLetter(c, app, d, template(c, info.template())));
        });
    }

    /**
     * The letters of every application of an area and period with a decision in force (e.g. after a call's ranking run),
     * one transaction each; progress after each application.
     */
    public int applicationLetters(String areaId, String periodId, IntConsumer progress) {
        requireKnownArea(areaId);
        if (jdbc.tx(c -> Sql.one(c, "SELECT id FROM funding_period WHERE id = ?", rs -> rs.getString(1), periodId)).isEmpty()) {
            throw new UnknownEntityException("Den Förderzeitraum '" + periodId + "' gibt es nicht.");
        }
        List<Long> apps = jdbc.tx(c -> Sql.list(c, "SELECT a.id FROM application a JOIN decision d ON d.application_id = a.id WHERE a.area_id = ?"
                + " AND a.period_id = ? AND (d.needs_confirmation = FALSE OR d.confirmed_by IS NOT NULL) ORDER BY a.id", rs -> rs.getLong(1), areaId,
                periodId));
        int done = 0;
        for (long id : apps) {
            letters(id);
            progress.accept(++done);
        }
        return done;
    }

    // ---- payment notices of the flat allocation -----------------------------------------------------------------

    /** The Zuweisungsbescheid of a flat-allocation payment (made now if it has none). */
    public LetterInfo paymentNotice(long paymentId) {
        return jdbc.tx(c -> ensurePaymentNotice(c, paymentId));
    }

    public byte[] paymentNoticeContent(long paymentId) {
        LetterInfo info = paymentNotice(paymentId);
        return jdbc.tx(c -> Sql.one(c, "SELECT content FROM letter WHERE id = ?", rs -> rs.getBytes(1), info.id()).orElseThrow());
    }

    /** The notices of every payment of a run, one transaction each; progress after each. */
    public int paymentNotices(long runId, IntConsumer progress) {
        List<Long> payments = jdbc.tx(c -> Sql.list(c, "SELECT id FROM flat_payment WHERE run_id = ? ORDER BY body_key", rs -> rs.getLong(1), runId));
        if (payments.isEmpty() && jdbc.tx(c -> Sql.count(c, "SELECT COUNT(*) FROM flat_run WHERE id = ?", runId)) == 0) {
            throw new UnknownEntityException("Lauf " + runId + " der pauschalen Zuweisung ist unbekannt.");
        }
        int done = 0;
        for (long id : payments) {
            paymentNotice(id);
            progress.accept(++done);
        }
        return done;
    }

    private LetterInfo ensurePaymentNotice(Connection c, long paymentId) throws SQLException {
        Optional<LetterInfo> stored = Sql.one(c, "SELECT * FROM letter WHERE payment_id = ?", Letters::info, paymentId);
        if (stored.isPresent()) {
            return stored.get();
        }
        Object[] p = Sql.one(c, "SELECT p.*, r.version, r.key_figure_type FROM flat_payment p JOIN flat_run r ON r.id = p.run_id WHERE p.id = ?",
                rs -> new Object[] {rs.getString("period_id"), rs.getString("body_key"), rs.getString("kind"), rs.getLong("amount_cents"),
                        rs.getLong("weight"), Sql.date(rs, "reference_date"), Sql.instant(rs, "created_at"), rs.getInt("version"),
                        rs.getString("key_figure_type")}, paymentId)
                .orElseThrow(() -> new UnknownEntityException("Zahlung " + paymentId + " der pauschalen Zuweisung ist unbekannt."));
        String period = (String) p[0];
        String body = (String) p[1];
        String kind = (String) p[2];
        Money amount = Money.ofCents((Long) p[3]);
        LocalDate date = LocalDate.ofInstant((Instant) p[6], BERLIN);
        Template t = current(c, "flat-allocation");
        Optional<Object[]> previous = Sql.one(c, "SELECT l.id, l.created_at FROM letter l JOIN flat_payment q ON q.id = l.payment_id"
                + " WHERE q.body_key = ? AND q.period_id = ? AND q.id < ? ORDER BY q.id DESC FETCH FIRST 1 ROWS ONLY",
                rs -> new Object[] {rs.getLong(1), Sql.instant(rs, "created_at")}, body, period, paymentId);
        String number = "PZ-" + period + "-" + body + "-" + p[7];
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("Sehr geehrte Damen und Herren,"));
        String what = switch (kind) {
            case "TOP_UP" -> "erhalten Sie eine Nachzahlung auf die pauschale Zuweisung";
            case "REPAYMENT" -> "ist von der pauschalen Zuweisung zurückzuzahlen";
            default -> "erhalten Sie die pauschale Zuweisung";
        };
        blocks.add(Block.text("im Pakt für Integration (Integrationslastenausgleich) für den Förderzeitraum " + period + " " + what + ":"));
        blocks.add(Block.rows(List.<String[]>of(new String[] {"Geflüchtete in Anschlussunterbringung am " + german((LocalDate) p[5]), String.valueOf(p[4])},
                new String[] {"REPAYMENT".equals(kind) ? "Rückzahlung" : "Betrag", amount.toGerman()})));
        blocks.add(Block.text("(in Worten: " + LetterRenderer.words(amount) + ")."));
        if (previous.isPresent()) {
            blocks.add(Block.text("Dieser Bescheid ändert den Zuweisungsbescheid vom " + german(LocalDate.ofInstant((Instant) previous.get()[1], BERLIN))
                    + " (Brief " + previous.get()[0] + ") nach neuen Zahlen des Schlüssels; gezahlt wird nur der Unterschied."));
        }
        List<String[]> rates = new ArrayList<>();
        for (Object[] r : Sql.list(c, "SELECT number, due_date, percent FROM flat_instalment WHERE period_id = ? ORDER BY number",
                rs -> new Object[] {rs.getInt(1), Sql.date(rs, "due_date"), rs.getInt(3)}, period)) {
            rates.add(new String[] {"Rate " + r[0] + " fällig am " + german((LocalDate) r[1]), r[2] + " %"});
        }
        if (!rates.isEmpty()) {
            blocks.add(Block.heading("Zahlungsplan"));
            blocks.add(Block.rows(rates));
        }
        blocks.add(Block.heading("Rechtsbehelfsbelehrung"));
        blocks.add(Block.text(t.legalRemedies()));
        blocks.add(Block.text("Mit freundlichen Grüßen\n" + t.officeName()));
        List<String> sender = new ArrayList<>();
        sender.add(t.officeName());
        sender.addAll(t.officeLines());
        String subject = "Zuweisungsbescheid – pauschale Zuweisung " + period + " (Pakt für Integration)";
        byte[] pdf = renderer.render(new LetterRenderer.Letter(sender, recipient(c, body, null), t.place() + ", " + german(date), number, subject, blocks,
                t.officeName() + " · " + number, date, subject + " " + number));
        return store(c, null, paymentId, body, Kind.PAYMENT_NOTICE, t, previous.map(x -> (Long) x[0]).orElse(null), pdf, number);
    }

    static String german(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
