package io.camelinference.emulator.annolab;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelsTest {

    private final EntityAnnotator entities = new EntityAnnotator();
    private final DocumentClassifier classifier = new DocumentClassifier();

    @Test
    void entitiesCarryTypeValueAndExactOffsets() {
        String text = "Acme Corporation billed Globex $1,200.50 on March 3, 2025 (due 2025-04-02); mail ap@acme.example.";
        List<Span> spans = entities.annotate(text);

        assertThat(spans).extracting(Span::type, Span::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Organization", "Acme Corporation"),
                org.assertj.core.groups.Tuple.tuple("Organization", "Globex"),
                org.assertj.core.groups.Tuple.tuple("Amount", "$1,200.50"),
                org.assertj.core.groups.Tuple.tuple("Date", "March 3, 2025"),
                org.assertj.core.groups.Tuple.tuple("Date", "2025-04-02"),
                org.assertj.core.groups.Tuple.tuple("Email Address", "ap@acme.example"));
        for (Span s : spans) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.value());
        }
    }

    @Test
    void theLongestOrganisationNameWinsAndEmailsAreNotSplit() {
        List<Span> spans = entities.annotate("Acme Corp and Acme Corporation; x@Initech.example");
        assertThat(spans).extracting(Span::value)
                .containsExactly("Acme Corp", "Acme Corporation", "x@Initech.example");
    }

    @Test
    void pagesAreCountedByFormFeeds() {
        List<Span> spans = entities.annotate("Initech\fpage two\fHooli");
        assertThat(spans).extracting(Span::pageNumber).containsExactly(1, 3);
    }

    @Test
    void emptyTextCannotBeAnnotated() {
        assertThatThrownBy(() -> entities.annotate("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifierStaplesConsecutivePagesOfOneClass() {
        String text = "INVOICE 17\nAmount due: $5\f(continued) Subtotal and total\fThis Agreement between the parties"
                + "\fDear Sir,\nSincerely";
        List<Span> docs = classifier.annotate(text);

        assertThat(docs).extracting(Span::value).containsExactly("Invoice", "Contract", "Letter");
        assertThat(docs.get(0).pageNumber()).isEqualTo(1);
        assertThat(docs.get(0).endPageNumber()).isEqualTo(2);
        assertThat(docs.get(1).pageNumber()).isEqualTo(3);
        assertThat(text.substring(docs.get(2).start(), docs.get(2).end())).isEqualTo("Dear Sir,\nSincerely");
    }

    @Test
    void aPageWithoutKeywordsIsOther() {
        assertThat(classifier.annotate("lorem ipsum")).extracting(Span::value).containsExactly("Other");
    }
}
