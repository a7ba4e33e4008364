package de.paktwerk.core.internal.letter;

import com.ibm.icu.text.RuleBasedNumberFormat;
import de.paktwerk.core.api.Money;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Renders a letter as a PDF/A-2b document with Apache PDFBox: A4, the Noto fonts embedded (subsets, see {@link LetterFonts}), the
 * sRGB output intent, XMP metadata. Pure and deterministic: the same {@link Letter} gives the same bytes (dates come from
 * the letter, the document id is a hash of its content, font subsets are named by their glyphs).
 */
public final class LetterRenderer {

    /** A block of the letter's body: a heading (bold) or a paragraph, or a table of lines. */
    public record Block(String heading, String text, List<String[]> rows) {
        public static Block heading(String h) {
            return new Block(h, null, null);
        }

        public static Block text(String t) {
            return new Block(null, t, null);
        }

        public static Block rows(List<String[]> rows) {
            return new Block(null, null, rows);
        }
    }

    /**
     * Everything a letter shows.
     *
     * @param sender the approval office's letterhead lines (name first)
     * @param recipient the addressee's lines
     * @param place place and date line, e.g. "Stuttgart, 20.08.2017"
     * @param reference the reference (decision number)
     * @param subject the subject line
     * @param blocks the body
     * @param footer a line at the foot of each page
     * @param date the letter's date (metadata)
     * @param title document title (metadata)
     */
    public record Letter(List<String> sender, List<String> recipient, String place, String reference, String subject, List<Block> blocks,
                         String footer, LocalDate date, String title) {
    }

    private static final float MARGIN_LEFT = 70;
    private static final float MARGIN_RIGHT = 60;
    private static final float TOP = 800;
    private static final float BOTTOM = 70;
    private static final float LEADING = 14.5f;
    private static final float SIZE = 10.5f;

    private final LetterFonts fonts;
    private final byte[] srgb;

    public LetterRenderer() {
        this.fonts = new LetterFonts();
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** "68.000,00 €". */
    public static String figures(Money m) {
        return m.toGerman();
    }

    /** "achtundsechzigtausend Euro" (and "… Euro und fünfzig Cent"). */
    public static String words(Money m) {
        RuleBasedNumberFormat spell = new RuleBasedNumberFormat(Locale.GERMAN, RuleBasedNumberFormat.SPELLOUT);
        long cents = Math.abs(m.cents());
        String euros = spell.format(cents / 100) + " Euro";
        String words = (m.isNegative() ? "minus " : "") + (cents % 100 == 0 ? euros : euros + " und " + spell.format(cents % 100) + " Cent");
        return words.replace("\u00AD", ""); // ICU marks where a word may be hyphenated; a letter shows the word whole
    }

    public byte[] render(Letter letter) {
        try (PDDocument doc = new PDDocument()) {
            final boolean font = false;
            final boolean heavy = true;
            LetterFonts.Set4Document set = fonts.new Set4Document(doc);
            Writer w = new Writer(doc, set, letter.footer());
            // letterhead and address field
            for (int i = 0; i < letter.sender().size(); i++) {
                w.line(letter.sender().get(i), i == 0 ? heavy : font, i == 0 ? 13 : 9, 0);
            }
            w.space(2);
            w.line(String.join(" · ", letter.sender()), font, 7, 0);
            for (String r : letter.recipient()) {
                w.line(r, font, SIZE, 0);
            }
            w.space(2);
            w.line(letter.place(), font, SIZE, 0);
            w.line("Aktenzeichen / Bescheidnummer: " + letter.reference(), font, SIZE, 0);
            w.space(1);
            w.paragraph(letter.subject(), heavy, 12);
            w.space(1);
            for (Block b : letter.blocks()) {
                if (b.heading() != null) {
                    w.space(0.5f);
                    w.paragraph(b.heading(), heavy, SIZE);
                } else if (b.text() != null) {
                    for (String para : b.text().split("\n")) {
                        w.paragraph(para, font, SIZE);
                    }
                    w.space(0.4f);
                } else {
                    for (String[] row : b.rows()) {
                        w.row(row[0], row[1], font);
                    }
                    w.space(0.4f);
                }
            }
            if (!set.missing().isEmpty()) {
                // what no embedded font has is printed as the placeholder and named here, by its code point
                w.space(0.5f);
                w.paragraph("Hinweis: Zeichen, die in den Schriften dieses Bescheids fehlen, sind als \uFFFD wiedergegeben: "
                        + set.missing().stream().map(cp -> String.format("U+%04X", cp)).collect(java.util.stream.Collectors.joining(", "))
                        + ".", font, 8.5f);
            }
            w.close();
            metadata(doc, letter);
            byte[] id = id(letter);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void metadata(PDDocument doc, Letter letter) throws IOException {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        date.clear();
        date.set(letter.date().getYear(), letter.date().getMonthValue() - 1, letter.date().getDayOfMonth(), 12, 0, 0);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(letter.title());
        info.setProducer("Paktwerk");
        info.setCreator("Paktwerk");
        info.setCreationDate(date);
        info.setModificationDate(date);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(letter.title());
        dc.addCreator(letter.sender().get(0));
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        basic.setCreatorTool("Paktwerk");
        org.apache.xmpbox.schema.AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer("Paktwerk");
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            id.setPart(2);
            id.setConformance("B");
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (org.apache.xmpbox.type.BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("XMP-Metadaten nicht erzeugt", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(bytes.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        doc.getDocumentCatalog().setLanguage("de-DE");
    }

    /** The document id: the first 16 bytes of a SHA-256 over what the letter says. */
    private static byte[] id(Letter letter) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder all = new StringBuilder().append(letter.sender()).append(letter.recipient()).append(letter.place()).append(letter.reference())
                    .append(letter.subject()).append(letter.footer()).append(letter.date()).append(letter.title());
            for (Block b : letter.blocks()) {
                all.append('|').append(b.heading()).append('|').append(b.text());
                if (b.rows() != null) {
                    for (String[] r : b.rows()) {
                        all.append(Arrays.toString(r));
                    }
                }
            }
            md.update(all.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(md.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes lines down the pages, wrapping paragraphs and starting new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final LetterFonts.Set4Document fonts;
        private final String footer;
        private PDPageContentStream out;
        private float y;
        private int pages;

        Writer(PDDocument doc, LetterFonts.Set4Document fonts, String footer) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            this.footer = footer;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages++;
            out = new PDPageContentStream(doc, page);
            y = TOP;
            fonts.show(out, fonts.prepare(footer + " · Seite " + pages, false), false, 7.5f, MARGIN_LEFT, 40);
        }

        void space(float lines) {
            y -= LEADING * lines;
        }

        void line(String text, boolean bold, float size, float indent) throws IOException {
            if (y < BOTTOM) {
                newPage();
            }
            fonts.show(out, fonts.prepare(text, bold), bold, size, MARGIN_LEFT + indent, y);
            y -= Math.max(LEADING, size * 1.35f);
        }

        void paragraph(String text, boolean bold, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
            for (String l : wrap(fonts.prepare(text, bold), bold, size, width)) {
                if (y < BOTTOM) {
                    newPage();
                }
                fonts.show(out, l, bold, size, MARGIN_LEFT, y);
                y -= Math.max(LEADING, size * 1.35f);
            }
        }

        void row(String label, String amount, boolean bold) throws IOException {
            if (y < BOTTOM) {
                newPage();
            }
            float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
            List<String> labels = wrap(fonts.prepare(label, bold), bold, SIZE, width - 110);
            for (int i = 0; i < labels.size(); i++) {
                fonts.show(out, labels.get(i), bold, SIZE, MARGIN_LEFT, y);
                if (i == labels.size() - 1 && amount != null) {
                    String a = fonts.prepare(amount, bold);
                    float w = fonts.width(a, bold, SIZE);
                    fonts.show(out, a, bold, SIZE, PDRectangle.A4.getWidth() - MARGIN_RIGHT - w, y);
                }
                y -= LEADING;
                if (y < BOTTOM) {
                    newPage();
                }
            }
        }

        /** Prepared text in lines no wider than {@code width}; a word longer than a line is cut. */
        private List<String> wrap(String text, boolean bold, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (fonts.width(candidate, bold, size) > width && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
                while (current.length() > 1 && fonts.width(current.toString(), bold, size) > width) {
                    int cut = current.length() - 1;
                    while (cut > 1 && fonts.width(current.substring(0, cut), bold, size) > width) {
                        cut--;
                    }
                    if (Character.isLowSurrogate(current.charAt(cut))) {
                        cut--;
                    }
                    lines.add(current.substring(0, cut));
                    current = new StringBuilder(current.substring(cut));
                }
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            return lines;
        }

        void close() throws IOException {
            out.close();
        }
    }
}
