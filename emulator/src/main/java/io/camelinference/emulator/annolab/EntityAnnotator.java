package io.camelinference.emulator.annolab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates, money amounts, e-mail addresses and organisations (from the list it ships,
 * {@code /annolab/organizations.txt}) with their character offsets. Overlaps are resolved by keeping the earlier,
 * then the longer span, so an e-mail address is never also read as an organisation or a date.
 */
final class EntityAnnotator implements AnnoLabModel {

    static final long ID = 101;
    static final String NAME = "Entity Annotator";

    static final String DATE = "Date";
    static final String AMOUNT = "Amount";
    static final String EMAIL = "Email Address";
    static final String ORGANIZATION = "Organization";

    private static final String MONTHS = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    private static final Pattern EMAIL_RE = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern DATE_RE = Pattern.compile("\\b(?:\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}/\\d{1,2}/\\d{4}"
            + "|" + MONTHS + "\\.? \\d{1,2}(?:st|nd|rd|th)?, \\d{4}"
            + "|\\d{1,2} " + MONTHS + "\\.? \\d{4})\\b");
    private static final Pattern AMOUNT_RE = Pattern.compile(
            "(?:[$€£]\\s?\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?|[$€£]\\s?\\d+(?:\\.\\d{2})?"
            + "|\\b\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?\\s?(?:USD|EUR|GBP|dollars|euros)\\b"
            + "|\\b(?:USD|EUR|GBP)\\s?\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?)");

    private final Pattern organizations;

    EntityAnnotator() {
        this(loadOrganizations());
    }

    EntityAnnotator(List<String> organizationNames) {
        List<String> names = new ArrayList<>(organizationNames);
        // longest first, so "Acme Corporation" wins over "Acme Corp" at the same position
        names.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String n : names) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(n));
        }
        this.organizations = Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    @Override
    public long id() {
        return ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Span> annotate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the source has no text to annotate");
        }
        List<Span> found = new ArrayList<>();
        collect(EMAIL_RE, EMAIL, text, found);
        collect(DATE_RE, DATE, text, found);
        collect(AMOUNT_RE, AMOUNT, text, found);
        collect(organizations, ORGANIZATION, text, found);
        found.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(
                (Span s) -> s.end() - s.start()).reversed()));
        List<Span> kept = new ArrayList<>();
        for (Span s : found) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(s)) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static void collect(Pattern pattern, String type, String text, List<Span> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int page = Pages.pageAt(text, m.start());
            out.add(new Span(type, m.group(), m.start(), m.end(), page, page));
        }
    }

    static List<String> loadOrganizations() {
        List<String> names = new ArrayList<>();
        try (InputStream in = EntityAnnotator.class.getResourceAsStream("/annolab/organizations.txt")) {
            if (in == null) {
                throw new IllegalStateException("/annolab/organizations.txt is missing from the emulator");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
