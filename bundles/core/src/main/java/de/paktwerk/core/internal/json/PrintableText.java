package de.paktwerk.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Input text that can be stored, shown and printed, or a refusal at the door: request bodies are read as strict UTF-8
 * (malformed and overlong sequences refused), and every string and key of the JSON is checked for characters no
 * letter, page or CSV can carry — control characters other than tab and line breaks, unpaired surrogates,
 * noncharacters and the bidi embedding, override and isolate controls (which make a name read differently from what
 * it is). What a person can type — any script, emoji, the joiners Persian needs — passes.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** A string or key of the input with a character that is refused; names where it is. */
    public static final class Refused extends JsonParseException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String detail;

        Refused(JsonParser p, String field, String detail) {
            super(p, detail);
            this.field = field;
            this.detail = detail;
        }

        /** The path of the string in the input ({@code positions[0].managerName}); empty for the body as a whole. */
        public String field() {
            return field;
        }

        /** German detail. */
        public String detail() {
            return detail;
        }
    }

    /** The refusal in an exception's chain (the mapper wraps it with the path it was reading), if it is one. */
    public static java.util.Optional<Refused> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The first refused character of {@code s} as "U+0000 (Steuerzeichen)", or null if every character is allowed.
     */
    public static String refused(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return name(cp, "kein Zeichen");
                    }
                    i++;
                    continue;
                }
                return name(c, "einzelne Hälfte eines Ersatzzeichenpaars");
            }
            if (Character.isLowSurrogate(c)) {
                return name(c, "einzelne Hälfte eines Ersatzzeichenpaars");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return name(c, "Steuerzeichen");
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return name(c, "Steuerzeichen der Schreibrichtung");
            }
            if (c >= 0xFDD0 && c <= 0xFDEF || c == 0xFFFE || c == 0xFFFF) {
                return name(c, "kein Zeichen");
            }
        }
        return null;
    }

    private static String name(int cp, String what) {
        return String.format("U+%04X (%s)", cp, what);
    }

    /** A factory whose parsers read strict UTF-8 and refuse what {@link #refused(String)} names. */
    public static JsonFactory factory() {
        return new Factory();
    }

    private static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory() {
        }

        Factory(Factory src) {
            super(src, null);
        }

        @Override
        public JsonFactory copy() {
            return new Factory(this);
        }

        @Override
        public JsonParser createParser(InputStream in) throws IOException {
            return checked(super.createParser(new StrictUtf8(in)));
        }

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            return createParser(new ByteArrayInputStream(data));
        }

        @Override
        public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
            return createParser(new ByteArrayInputStream(data, offset, len));
        }

        @Override
        public JsonParser createParser(Reader r) throws IOException {
            return checked(super.createParser(r));
        }

        @Override
        public JsonParser createParser(String content) throws IOException {
            return checked(super.createParser(content));
        }

        @Override
        public JsonParser createParser(char[] content) throws IOException {
            return checked(super.createParser(content));
        }

        @Override
        public JsonParser createParser(char[] content, int offset, int len) throws IOException {
            return checked(super.createParser(content, offset, len));
        }

        private static JsonParser checked(JsonParser p) {
            return p instanceof Checked ? p : new Checked(p);
        }
    }

    /** UTF-8 as RFC 8259 asks for it: malformed, overlong and surrogate-encoding sequences are refused. */
    private static final class StrictUtf8 extends Reader {
        private final InputStreamReader in;

        StrictUtf8(InputStream in) {
            this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            try {
                return in.read(buf, off, len);
            } catch (CharacterCodingException e) {
                throw new Refused(null, "", "Der Anfragekörper ist kein gültiges UTF-8 (ungültige oder überlange Bytefolge).");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Checks every string value and key as it is read. */
    private static final class Checked extends JsonParserDelegate {
        Checked(JsonParser d) {
            super(d);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                String text = t == JsonToken.FIELD_NAME ? delegate.currentName() : delegate.getText();
                String bad = refused(text);
                if (bad != null) {
                    String field = path(t == JsonToken.FIELD_NAME ? delegate.getParsingContext().getParent() : delegate.getParsingContext());
                    throw new Refused(this, field, (field.isEmpty() ? "Die Eingabe" : "Feld '" + field + "'")
                            + (t == JsonToken.FIELD_NAME ? " hat einen Schlüssel mit dem Zeichen " : " enthält das Zeichen ") + bad
                            + ", das nicht gespeichert und gedruckt werden kann. Bitte entfernen Sie es.");
                }
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString str) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken t = nextToken();
                if (t == null) {
                    return this;
                }
                if (t.isStructStart()) {
                    open++;
                } else if (t.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }
    }

    /** {@code positions[0].managerName} for the context of a value. */
    static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }
}
