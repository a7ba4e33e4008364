package de.paktwerk.core.internal.letter;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letters' fonts and how text is set with them: Noto Sans for Latin, Greek and Cyrillic, Noto Sans Arabic for
 * Arabic and Persian, Noto Sans Ethiopic for Ge'ez, each regular and bold. A text is shaped (Arabic letters take their
 * joined forms, ICU), put into visual order (Unicode bidi algorithm, ICU: right-to-left runs reversed, brackets
 * mirrored) and set in runs of the first font that has each character. A character no embedded font has is set as
 * U+FFFD (�) and remembered, so that the letter can name it in a note; setting text never fails.
 */
final class LetterFonts {

    /** What a character no font has is printed as. */
    static final int PLACEHOLDER = 0xFFFD;

    private static final String[][] FILES = {
        {"fonts/NotoSans_400Regular.ttf", "fonts/NotoSans_700Bold.ttf"},
        {"fonts/NotoSansArabic_400Regular.ttf", "fonts/NotoSansArabic_700Bold.ttf"},
        {"fonts/NotoSansEthiopic_400Regular.ttf", "fonts/NotoSansEthiopic_700Bold.ttf"},
    };

    private final byte[][][] bytes = new byte[FILES.length][2][];
    private final CmapLookup[][] cmaps = new CmapLookup[FILES.length][2];

    LetterFonts() {
        for (int f = 0; f < FILES.length; f++) {
            for (int w = 0; w < 2; w++) {
                bytes[f][w] = resource(FILES[f][w]);
                try {
                    TrueTypeFont ttf = new TTFParser().parse(new ByteArrayInputStream(bytes[f][w]));
                    cmaps[f][w] = ttf.getUnicodeCmapLookup();
                } catch (IOException e) {
                    throw new UncheckedIOException("Schrift " + FILES[f][w] + " nicht lesbar", e);
                }
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = LetterFonts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Schrift " + name + " fehlt im Bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the first font that has the code point in this weight, or -1. */
    int fontFor(int cp, boolean bold) {
        for (int f = 0; f < FILES.length; f++) {
            if (cmaps[f][bold ? 1 : 0].getGlyphId(cp) > 0) {
                return f;
            }
        }
        return -1;
    }

    /** The fonts of one document, loaded (as subsets) when first needed; and what could not be printed. */
    final class Set4Document {
        private final PDDocument doc;
        private final PDType0Font[][] loaded = new PDType0Font[FILES.length][2];
        private final Set<Integer> missing = new TreeSet<>();

        Set4Document(PDDocument doc) {
            this.doc = doc;
        }

        /** Code points that no font has, in the order of their numbers. */
        Set<Integer> missing() {
            return missing;
        }

        private PDType0Font font(int f, boolean bold) throws IOException {
            int w = bold ? 1 : 0;
            if (loaded[f][w] == null) {
                loaded[f][w] = PDType0Font.load(doc, new ByteArrayInputStream(bytes[f][w]), true);
            }
            return loaded[f][w];
        }

        /** Logical text as it is set: Arabic shaped, characters no font has replaced, format characters without a glyph dropped. */
        String prepare(String text, boolean bold) {
            String shaped = text;
            if (text.codePoints().anyMatch(cp -> cp >= 0x0600 && cp <= 0x06FF || cp >= 0x0750 && cp <= 0x077F)) {
                try {
                    shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                            | ArabicShaping.LENGTH_GROW_SHRINK).shape(text);
                } catch (ArabicShapingException e) {
                    shaped = text; // unshaped letters still print
                }
            }
            StringBuilder sb = new StringBuilder(shaped.length());
            shaped.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    sb.append(' ');
                } else if (fontFor(cp, bold) >= 0) {
                    sb.appendCodePoint(cp);
                } else if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                    // joiners and direction marks have done their work in shaping and ordering; nothing to print
                } else {
                    missing.add(cp);
                    sb.appendCodePoint(PLACEHOLDER);
                }
            });
            return sb.toString();
        }

        /** A prepared line in visual order (left to right on the page). */
        String visual(String prepared) {
            if (prepared.codePoints().noneMatch(cp -> Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
                return prepared;
            }
            Bidi bidi = new Bidi(prepared, Bidi.LEVEL_DEFAULT_LTR);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        }

        private record Run(int font, String text) {
        }

        private List<Run> runs(String visual, boolean bold) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int[] font = {-1};
            visual.codePoints().forEach(cp -> {
                int f = fontFor(cp, bold);
                if (f < 0) {
                    f = fontFor(PLACEHOLDER, bold);
                    cp = PLACEHOLDER;
                }
                // spaces, digits and punctuation stay in the run they are in, so that a line changes font only at a script
                if (font[0] >= 0 && f != font[0] && cmaps[font[0]][bold ? 1 : 0].getGlyphId(cp) > 0 && !Character.isLetter(cp)) {
                    f = font[0];
                }
                if (f != font[0] && current.length() > 0) {
                    runs.add(new Run(font[0], current.toString()));
                    current.setLength(0);
                }
                font[0] = f;
                current.appendCodePoint(cp);
            });
            if (current.length() > 0) {
                runs.add(new Run(font[0], current.toString()));
            }
            return runs;
        }

        /** Width in points of a prepared text. */
        float width(String prepared, boolean bold, float size) throws IOException {
            float w = 0;
            for (Run r : runs(prepared, bold)) {
                w += font(r.font(), bold).getStringWidth(r.text()) / 1000 * size;
            }
            return w;
        }

        /** Sets a prepared line at x, y (in a text object of its own). */
        void show(PDPageContentStream out, String prepared, boolean bold, float size, float x, float y) throws IOException {
            out.beginText();
            out.newLineAtOffset(x, y);
            for (Run r : runs(visual(prepared), bold)) {
                out.setFont(font(r.font(), bold), size);
                out.showText(r.text());
            }
            out.endText();
        }
    }
}
