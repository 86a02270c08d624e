package io.camelinference.emulator.commsmining;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;

/**
 * Finds the entities of one part of a message (subject, body or signature): dates, money amounts, e-mail addresses,
 * order and invoice numbers, and people's names (a greeting's name, and the name line under a sign-off or in a
 * signature). Each entity has its {@code formatted_value} and its span in the part, counted both in characters (Unicode
 * code points) and in UTF-16 bytes, which differ as soon as the text holds characters outside the BMP (an emoji).
 */
final class EntityExtractor {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTHS + ") (\\d{1,2}), (\\d{4})\\b");
    private static final Pattern MONEY_SYMBOL = Pattern.compile("([$€£])\\s?(\\d{1,3}(?:,\\d{3})*(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)");
    private static final Pattern MONEY_CODE = Pattern.compile("\\b(\\d+(?:\\.\\d{1,2})?)\\s?(USD|EUR|GBP|CHF)\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ORDER = Pattern.compile("(?i)\\border\\s+(?:#|number\\s+|no\\.?\\s*)?(ORD-\\d{4,8}|\\d{5,8})\\b");
    private static final Pattern INVOICE = Pattern.compile("(?i)\\binvoice\\s+(?:#|number\\s+|no\\.?\\s*)?(INV-\\d{4}-\\d{3,6}|\\d{4,8})\\b");
    private static final String NAME = "(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){0,2})";
    private static final Pattern SIGN_OFF = Pattern.compile("(?m)^(?:Regards|Kind regards|Best regards|Best wishes|Thanks"
            + "|Thank you|Many thanks|Best|Cheers|Sincerely|Yours sincerely)[,!.]?[ \\t]*\\r?\\n[ \\t]*" + NAME + "[ \\t]*$");
    private static final Pattern GREETING = Pattern.compile("(?m)^(?:Hi|Hello|Dear)\\s+(\\p{Lu}[\\p{L}'’-]+)\\s*,");
    private static final Pattern SIGNATURE_NAME = Pattern.compile("(?m)^[ \\t]*" + NAME + "[ \\t]*$");

    private EntityExtractor() {
    }

    /** One entity found: its kind, formatted value and Java string offsets in the part. */
    record Found(String kind, String formattedValue, int start, int end) {
    }

    static List<Found> find(String text, String contentPart) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (Matcher m = ISO_DATE.matcher(text); m.find(); ) {
            add(found, "date", date(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), m, 0);
        }
        for (Matcher m = DAY_MONTH.matcher(text); m.find(); ) {
            add(found, "date", date(m.group(3), month(m.group(2)), Integer.parseInt(m.group(1))), m, 0);
        }
        for (Matcher m = MONTH_DAY.matcher(text); m.find(); ) {
            add(found, "date", date(m.group(3), month(m.group(1)), Integer.parseInt(m.group(2))), m, 0);
        }
        for (Matcher m = MONEY_SYMBOL.matcher(text); m.find(); ) {
            String code = switch (m.group(1)) {
                case "$" -> "USD";
                case "€" -> "EUR";
                default -> "GBP";
            };
            add(found, "money", money(code, m.group(2).replace(",", "")), m, 0);
        }
        for (Matcher m = MONEY_CODE.matcher(text); m.find(); ) {
            add(found, "money", money(m.group(2), m.group(1)), m, 0);
        }
        for (Matcher m = EMAIL.matcher(text); m.find(); ) {
            add(found, "email", m.group().toLowerCase(Locale.ROOT), m, 0);
        }
        for (Matcher m = ORDER.matcher(text); m.find(); ) {
            add(found, "order_number", m.group(1).toUpperCase(Locale.ROOT), m, 1);
        }
        for (Matcher m = INVOICE.matcher(text); m.find(); ) {
            add(found, "invoice_number", m.group(1).toUpperCase(Locale.ROOT), m, 1);
        }
        Pattern names = "signature".equals(contentPart) ? SIGNATURE_NAME : SIGN_OFF;
        for (Matcher m = names.matcher(text); m.find(); ) {
            add(found, "person", m.group(1), m, 1);
            if ("signature".equals(contentPart)) {
                break;
            }
        }
        for (Matcher m = GREETING.matcher(text); m.find(); ) {
            add(found, "person", m.group(1), m, 1);
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The API's entity objects for the part, spans in code points and UTF-16 bytes. */
    static void render(ArrayNode into, String text, String contentPart, int messageIndex) {
        for (Found f : find(text, contentPart)) {
            ObjectNode span = Json.object();
            span.put("content_part", contentPart);
            span.put("message_index", messageIndex);
            span.put("char_start", text.codePointCount(0, f.start()));
            span.put("char_end", text.codePointCount(0, f.end()));
            span.put("utf16_byte_start", 2 * f.start());
            span.put("utf16_byte_end", 2 * f.end());
            ObjectNode e = into.addObject();
            e.put("id", EmulatorContext.digest((f.kind() + ":" + f.formattedValue()).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16));
            e.put("name", f.kind());
            e.put("kind", f.kind());
            e.put("formatted_value", f.formattedValue());
            e.putNull("probability");
            e.putArray("capture_ids");
            e.set("span", span);
            e.putArray("spans").add(span.deepCopy());
        }
    }

    private static void add(List<Found> found, String kind, String value, Matcher m, int group) {
        if (value == null) {
            return;
        }
        int start = m.start(group);
        int end = m.end(group);
        for (Found f : found) {
            if (start < f.end() && f.start() < end) {
                return; // overlaps one found earlier (an order number inside a date, ...)
            }
        }
        found.add(new Found(kind, value, start, end));
    }

    private static String date(String year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d 00:00 UTC", year, month, day);
    }

    private static int month(String name) {
        return List.of(MONTHS.split("\\|")).indexOf(name) + 1;
    }

    private static String money(String code, String amount) {
        return code + " " + new BigDecimal(amount).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
