package io.camelinference.emulator.annolab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Staple + Classify Documents": classifies every page by weighted keywords, then staples consecutive pages of the same
 * class into one document. Each stapled document becomes one {@code Document} annotation whose value is the class and
 * whose offsets and page numbers cover its pages. A page without any keyword joins the document before it (a
 * continuation page); a first page without any is {@code Other}.
 */
final class DocumentClassifier implements AnnoLabModel {

    static final long ID = 102;
    static final String NAME = "Staple + Classify Documents";
    static final String TYPE = "Document";
    static final String OTHER = "Other";

    private static final Map<String, Map<String, Integer>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("Invoice", Map.of("invoice", 3, "amount due", 3, "bill to", 2, "due date", 2, "subtotal", 2,
                "total", 1, "payment terms", 1, "vat", 1));
        KEYWORDS.put("Contract", Map.of("agreement", 3, "hereinafter", 3, "party", 1, "parties", 2, "term", 1,
                "terminate", 2, "governing law", 3, "whereas", 3, "shall", 1));
        KEYWORDS.put("Receipt", Map.of("receipt", 3, "paid", 2, "thank you for your purchase", 3, "change", 1,
                "cash", 2, "card ending", 3));
        KEYWORDS.put("Letter", Map.of("dear", 3, "sincerely", 3, "regards", 2, "yours", 1, "re:", 1));
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
            throw new IllegalArgumentException("the source has no text to classify");
        }
        List<Span> documents = new ArrayList<>();
        String currentClass = null;
        int docStart = 0;
        int docEnd = 0;
        int firstPage = 1;
        int lastPage = 1;
        for (Pages.Page page : Pages.split(text)) {
            String pageText = text.substring(page.start(), page.end());
            if (pageText.isBlank()) {
                continue;
            }
            String cls = classify(pageText);
            if (cls == null) {
                cls = currentClass != null ? currentClass : OTHER;
            }
            if (!cls.equals(currentClass)) {
                if (currentClass != null) {
                    documents.add(new Span(TYPE, currentClass, docStart, docEnd, firstPage, lastPage));
                }
                currentClass = cls;
                docStart = page.start();
                firstPage = page.number();
            }
            docEnd = page.end();
            lastPage = page.number();
        }
        if (currentClass != null) {
            documents.add(new Span(TYPE, currentClass, docStart, docEnd, firstPage, lastPage));
        }
        return documents;
    }

    /** The best-scoring class of one page, or null when it has no keyword at all. */
    static String classify(String page) {
        String lower = page.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, Map<String, Integer>> cls : KEYWORDS.entrySet()) {
            int score = 0;
            for (Map.Entry<String, Integer> keyword : cls.getValue().entrySet()) {
                score += count(lower, keyword.getKey()) * keyword.getValue();
            }
            if (score > bestScore) {
                best = cls.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static int count(String text, String keyword) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(keyword) + (keyword.endsWith(":") ? "" : "\\b")).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
