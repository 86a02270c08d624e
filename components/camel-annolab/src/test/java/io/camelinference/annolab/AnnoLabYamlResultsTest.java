package io.camelinference.annolab;

import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.common.test.ReadmeRoutes;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reading results in YAML" route, as documented, against the emulator: how many annotations, of which
 * types, and the first one's text, read with the simple language only.
 */
class AnnoLabYamlResultsTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected void doPostSetup() throws Exception {
        ReadmeRoutes.load(context, "Reading results in YAML");
    }

    @Test
    void theRouteReadsTheCountTheTypesAndAnAnnotationsValue() {
        Exchange out = template.request("direct:entities", e -> e.getMessage().setBody(AnnoLabInferTest.LETTER));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AnnoLabConstants.ANNOTATION_TYPES, List.class))
                .containsExactly("Organization", "Date", "Amount", "Email Address");
        assertThat(out.getMessage().getHeader("summary"))
                .isEqualTo("5 annotations: [Organization, Date, Amount, Email Address]");
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> annotations = out.getMessage().getBody(List.class);
        assertThat(out.getMessage().getHeader("organization")).isEqualTo(annotations.get(0).value())
                .isEqualTo("Wonka Industries");
    }

    @Test
    void aDocumentWithoutAnOrganizationSkipsTheFilteredSteps() {
        Exchange out = template.request("direct:entities", e -> e.getMessage()
                .setBody("Payment of $120.00 is due on May 2, 2025."));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AnnoLabConstants.ANNOTATION_TYPES, List.class))
                .doesNotContain("Organization").isNotEmpty();
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("organization");
    }
}
