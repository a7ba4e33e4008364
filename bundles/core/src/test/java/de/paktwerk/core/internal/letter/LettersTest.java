package de.paktwerk.core.internal.letter;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationState;
import de.paktwerk.core.api.DecisionRequest;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.DistributionRequest;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.NewApplication;
import de.paktwerk.core.internal.distribution.FlatAllocations;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** Decision letters: their text from the records, PDF/A-2b (veraPDF), the same bytes when made again, stored once with the hash audited. */
public class LettersTest {

    static final String STUTTGART = "08111000";
    static final String ULM = "08421000";

    CoreFixture f;
    Letters letters;

    @Before
    public void setUp() {
        f = new CoreFixture("100000.00");
        f.realm.put("gemeinde", java.util.Set.of("municipality", "municipality:" + STUTTGART, "municipality:" + ULM));
        f.realm.put("p1", java.util.Set.of("approver"));
        f.priceAsRequested();
        f.weights(Map.of(STUTTGART, 600L, ULM, 400L));
        f.budgets.setBudget("2017", AREA, euros("2000000.00"), "test");
        f.distributions.run(new DistributionRequest(AREA, "2017", DistributionKind.PROVISIONAL, euros("2000000.00"), LocalDate.of(2017, 9, 15), null,
                null), "test");
        f.fixClock(Instant.parse("2017-10-02T08:00:00Z"));
        letters = new Letters(f.database, f.audit, f.registry, f.areas, f.clock);
    }

    long approved(String amount) {
        Application a = f.applications.create(new NewApplication(ULM, AREA, "2017", euros(amount), null, null, null, null), "gemeinde");
        f.applications.submit(a.id(), "gemeinde");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, null), "p1");
        return a.id();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    public void theDecisionLetterSaysWhatWasDecidedInWordsAndFigures() throws Exception {
        long app = approved("68000.00");
        List<Letters.LetterInfo> list = letters.letters(app);
        assertEquals(1, list.size());
        assertEquals(Letters.Kind.DECISION, list.get(0).kind());
        assertEquals("*:1", list.get(0).template());
        String number = f.applications.decision(app).orElseThrow().number();
        String text = text(letters.content(app, 1));
        assertTrue(text, text.contains("Zuwendungsbescheid – Pakt für Integration, Förderbereich Testbereich"));
        assertTrue(text, text.contains("Aktenzeichen / Bescheidnummer: " + number));
        assertTrue(text, text.contains("68.000,00 €"));
        assertTrue(text, text.contains("(in Worten: achtundsechzigtausend Euro)"));
        assertTrue(text, text.contains("Stuttgart, 02.10.2017"));
        assertTrue(text, text.contains("Ulm"));
        assertTrue(text, text.contains("ANBest-K"));
        assertTrue(text, text.contains("Textbausteine: Fassung 1 vom 01.01.2017."));
        assertTrue(text, text.contains("Rechtsbehelfsbelehrung"));
        assertEquals("achtundsechzigtausend Euro und fünfzig Cent", LetterRenderer.words(Money.parse("68000.50")));
    }

    @Test
    public void madeAgainFromTheRecordsTheLetterHasTheSameBytesAndTheChainHoldsItsHash() throws Exception {
        long app = approved("68000.00");
        byte[] stored = letters.content(app, 1);
        assertArrayEquals(stored, letters.regenerate(app, 1));
        assertArrayEquals(stored, letters.content(app, 1)); // stored once: a second request gives the same letter
        assertEquals(1, letters.letters(app).size());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
        assertEquals(sha, letters.letters(app).get(0).sha256());
        // the audit record is the SHA-256 of {"kind":"DECISION","reference":<number>,"sha256":<hash of the PDF>}
        String number = f.applications.decision(app).orElseThrow().number();
        String snapshot = "{\"kind\":\"DECISION\",\"reference\":\"" + number + "\",\"sha256\":\"" + sha + "\"}";
        String recordHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(f.audit.entries("letter", String.valueOf(letters.letters(app).get(0).id())).get(0).after().contains(recordHash));
        // a new version of the text blocks does not change a letter already made, but the next decision's
        letters.setTemplate(AREA, new Letters.TemplateInput("Ministerium für Soziales", List.of("Else-Josenhans-Straße 6", "70173 Stuttgart"), "Stuttgart",
                "Neue Nebenbestimmungen.", "Neue Belehrung.", true), "admin");
        assertArrayEquals(stored, letters.content(app, 1));
        long second = approved("1000.00");
        assertEquals(AREA + ":1", letters.letters(second).get(0).template());
        String text = text(letters.content(second, 1));
        assertTrue(text, text.contains("Neue Nebenbestimmungen.") && text.contains("Entschieden von p1"));
        assertNotEquals(sha, letters.letters(second).get(0).sha256());
    }

    @Test
    public void theDecisionsOfAnAreaAndPeriodGetTheirLettersInOneGo() {
        long first = approved("1000.00");
        long second = approved("2000.00");
        int[] progress = {0};
        assertEquals(2, letters.applicationLetters(AREA, "2017", n -> progress[0] = n));
        assertEquals(2, progress[0]);
        assertEquals(1, letters.letters(first).size());
        assertEquals(1, letters.letters(second).size());
    }

    static final String MIXED = "Auflage für das Projekt «Begegnung» – مرحبا بكم في الحي (Arabisch), خوش آمدید (Persisch), "
            + "Добро пожаловать (Kyrillisch), Ελληνικά, Xin chào, Ağaç, እንኳን ደህና መጡ (Tigrinya/Amharisch), 中文 und ☕ 👩‍👩‍👧.";

    @Test
    public void aLetterPrintsGermanArabicPersianCyrillicAndEthiopicAndNamesWhatNoFontHas() throws Exception {
        // the probe: one such character made every letter of the application and of its area and period fail
        Application a = f.applications.create(new NewApplication(ULM, AREA, "2017", euros("5000.00"), null, null, null, null), "gemeinde");
        f.applications.submit(a.id(), "gemeinde");
        f.applications.decide(a.id(), new DecisionRequest(ApplicationState.APPROVED, null, MIXED), "p1");
        long other = approved("1000.00");
        assertEquals(2, letters.applicationLetters(AREA, "2017", n -> { }));
        byte[] pdf = letters.content(a.id(), 1);
        assertPdfA2b(pdf);
        String text = text(pdf).replace("\n", " ");
        assertTrue(text, text.contains("مرحبا بكم في الحي (Arabisch), خوش آمدید (Persisch)"));
        assertTrue(text, text.contains("Добро пожаловать (Kyrillisch), Ελληνικά, Xin chào, Ağaç"));
        assertTrue(text, text.contains("እንኳን ደህና መጡ"));
        // Chinese, the cup of coffee and the family (U+1F469, a joiner, U+1F467) are in none of the embedded fonts
        assertTrue(text, text.contains("Hinweis: Zeichen, die in den Schriften dieses Bescheids fehlen, sind als \uFFFD wiedergegeben: "
                + "U+2615, U+4E2D, U+6587, U+1F467, U+1F469."));
        assertTrue(text, text.contains("\uFFFD\uFFFD und \uFFFD \uFFFD\u200D\uFFFD\u200D\uFFFD."));
        assertEquals(1, letters.letters(other).size());
        assertArrayEquals(pdf, letters.regenerate(a.id(), 1));
    }

    @Test
    public void arabicIsShapedAndSetRightToLeft() throws Exception {
        LetterFonts fonts = new LetterFonts();
        try (PDDocument doc = new PDDocument()) {
            LetterFonts.Set4Document set = fonts.new Set4Document(doc);
            // بكم: beh initial (FE91), kaf medial (FEDC), meem final (FEE2); in visual order the last letter comes first
            String prepared = set.prepare("بكم", false);
            assertEquals("\uFE91\uFEDC\uFEE2", prepared);
            assertEquals("\uFEE2\uFEDC\uFE91", set.visual(prepared));
            // a German line stays as it is, with its brackets
            assertEquals("Ulm (Stadtkreis)", set.visual(set.prepare("Ulm (Stadtkreis)", false)));
            assertTrue(set.missing().isEmpty());
        }
    }

    @Test
    public void lettersArePdfA2b() throws Exception {
        long app = approved("68000.00");
        assertPdfA2b(letters.content(app, 1));
    }

    /** veraPDF's validation of the PDF/A-2b flavour: compliant, else the failed assertions. */
    static void assertPdfA2b(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            assertTrue(result.getTestAssertions().toString(), result.isCompliant());
        }
    }

    @Test
    public void paymentNoticesOfARunAndTheirCorrection() throws Exception {
        FlatAllocations flat = new FlatAllocations(f.database, f.audit, f.registry, f.figures, f.clock, f.surveys);
        flat.setFlat("2017", euros("1000.00"), "test");
        FlatAllocations.Run first = flat.run("2017", new FlatAllocations.RunRequest(DistributionKind.FINAL, LocalDate.of(2017, 9, 15), null), "test");
        assertEquals(2, letters.paymentNotices(first.id(), n -> { }));
        f.weights(Map.of(STUTTGART, 500L, ULM, 500L));
        FlatAllocations.Run second = flat.run("2017", new FlatAllocations.RunRequest(DistributionKind.FINAL, LocalDate.of(2017, 9, 15), null), "test");
        assertEquals(2, letters.paymentNotices(second.id(), n -> { }));
        long ulmTopUp = flat.payments("2017", ULM).get(1).id();
        String text = text(letters.paymentNoticeContent(ulmTopUp));
        assertTrue(text, text.contains("Nachzahlung") && text.contains("100,00 €") && text.contains("Dieser Bescheid ändert den Zuweisungsbescheid"));
        assertTrue(letters.paymentNotice(ulmTopUp).replacesId() != null);
    }

    /**
     * A changed decision gets an Änderungsbescheid naming the letter it changes; the Zuwendungsbescheid stays what was sent,
     * even when it is first made after the change.
     */
    @Test
    public void anAmendmentIsANewLetterThatNamesTheOneItChanges() throws Exception {
        long app = approved("68000.00");
        String number = f.applications.decision(app).orElseThrow().number();
        f.fixClock(Instant.parse("2017-11-06T09:00:00Z"));
        f.applications.amendDecision(app, new de.paktwerk.core.api.DecisionAmendment(euros("60000.00"), null,
                "Eine Stelle wurde erst zum 01.01.2018 besetzt."), "p1");
        List<Letters.LetterInfo> list = letters.letters(app); // the first letter is made only now
        assertEquals(List.of(Letters.Kind.DECISION, Letters.Kind.AMENDMENT), list.stream().map(Letters.LetterInfo::kind).toList());
        assertEquals(Long.valueOf(list.get(0).id()), list.get(1).replacesId());
        assertEquals(null, list.get(0).replacesId());
        String first = text(letters.content(app, 1));
        assertTrue(first, first.contains("68.000,00 €") && first.contains("achtundsechzigtausend Euro") && !first.contains("60.000,00 €"));
        String change = text(letters.content(app, 2)).replaceAll("\\s+", " "); // lines wrap where the page ends
        String changeNumber = "PFI-2017-000002";
        assertTrue(change, change.contains("Änderungsbescheid – Pakt für Integration, Förderbereich Testbereich"));
        assertTrue(change, change.contains("Aktenzeichen / Bescheidnummer: " + changeNumber));
        assertTrue(change, change.contains("der Zuwendungsbescheid " + number + " vom 02.10.2017 zu Ihrem Antrag Nr. " + app + " wird wie folgt geändert"));
        assertTrue(change, change.contains("bisher bewilligt 68.000,00 €") && change.contains("nun bewilligt 60.000,00 €")
                && change.contains("Minderung 8.000,00 €") && change.contains("(in Worten: sechzigtausend Euro)"));
        assertTrue(change, change.contains("Eine Stelle wurde erst zum 01.01.2018 besetzt."));
        assertTrue(change, change.contains("Dieser Bescheid ändert den Bescheid " + number + " vom 02.10.2017"));
        assertTrue(change, change.contains("Stuttgart, 06.11.2017"));
        // made again from the records: the same bytes, both of them
        assertArrayEquals(letters.content(app, 1), letters.regenerate(app, 1));
        assertArrayEquals(letters.content(app, 2), letters.regenerate(app, 2));
        // a second change names the first change
        f.applications.amendDecision(app, new de.paktwerk.core.api.DecisionAmendment(null, "Bericht bis 31.03.2018.", "Neue Auflage."), "p1");
        List<Letters.LetterInfo> three = letters.letters(app);
        assertEquals(Letters.Kind.AMENDMENT, three.get(2).kind());
        assertEquals(Long.valueOf(three.get(1).id()), three.get(2).replacesId());
        String second = text(letters.content(app, 3)).replaceAll("\\s+", " ");
        assertTrue(second, second.contains("in der Fassung des Änderungsbescheids " + changeNumber + " vom 06.11.2017")
                && second.contains("Bericht bis 31.03.2018.") && !second.contains("Minderung"));
        // the chain holds the change's hash under its own number
        String sha = three.get(1).sha256();
        String snapshot = "{\"kind\":\"AMENDMENT\",\"reference\":\"" + changeNumber + "\",\"sha256\":\"" + sha + "\"}";
        String recordHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(f.audit.entries("letter", String.valueOf(three.get(1).id())).get(0).after().contains(recordHash));
        assertPdfA2b(letters.content(app, 2));
    }
}
