package io.camelinference.annolab;

import java.util.Map;

import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What endpoint creation checks, what each message is checked for, and what never shows. */
class AnnoLabEndpointTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void theOperationsUseKebabCaseNames() {
        for (String op : AnnoLabOperation.NAMES.split(",")) {
            AnnoLabEndpoint endpoint = context.getEndpoint("annolab:" + op + "?" + TARGET
                    + "&modelIdentifier=m&outputLayerIdentifier=l", AnnoLabEndpoint.class);
            assertThat(endpoint.getOperation().uriName()).isEqualTo(op);
        }
        assertThat(context.getEndpoint("annolab:createSource?" + TARGET, AnnoLabEndpoint.class).getOperation())
                .isEqualTo(AnnoLabOperation.createSource);
        assertThat(context.getEndpoint("annolab:bulkCreateAnnotations", AnnoLabEndpoint.class).getOperation())
                .isEqualTo(AnnoLabOperation.bulkCreateAnnotations);
        assertThatThrownBy(() -> context.getEndpoint("annolab:annotate?" + TARGET))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("annotate").hasMessageContaining("infer, status, create-source, export")
                .hasMessageContaining("create-annotations, bulk-create-annotations, import-annotations");
        assertThat(AnnoLabOperation.NAMES.split(",")).hasSize(AnnoLabOperation.values().length);
    }

    @Test
    void bulkSizeIsCheckedAtCreationAgainstAnnoLabsLimit() {
        assertThat(context.getEndpoint("annolab:bulk-create-annotations?bulkSize=2000")).isNotNull();
        for (String size : new String[] {"0", "2001"}) {
            assertThatThrownBy(() -> context.getEndpoint("annolab:bulk-create-annotations?bulkSize=" + size))
                    .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("bulkSize must be from 1"
                            + " to 2000");
        }
        assertThat(emulator.stats().totalCalls("annolab")).isZero();
    }

    @Test
    void theGroupHasNoHeaderSoItIsCheckedAtCreation() {
        for (String op : new String[] {"infer", "create-source", "export"}) {
            assertThatThrownBy(() -> context.getEndpoint("annolab:" + op + "?projectIdentifier=p"))
                    .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("needs groupName");
        }
        assertThat(context.getEndpoint("annolab:status")).isNotNull();
        // the SDK's operations take the key's own group (its default owner) when groupName is not set
        assertThat(context.getEndpoint("annolab:create-project")).isNotNull();
        assertThat(context.getEndpoint("annolab:get-source?projectIdentifier=p")).isNotNull();
    }

    @Test
    void whatAHeaderMaySupplyIsCheckedPerMessageNamingOptionAndHeaderAndNothingIsSent() {
        // changed with the engine move: modelIdentifier (and project, layer) may come from headers, so an endpoint
        // without them is valid and each message is checked instead
        String uri = "annolab:infer?groupName=demo&outputLayerIdentifier=Predictions";
        assertThat(context.getEndpoint(uri)).isNotNull();
        Exchange out = template.request(uri, e -> e.getMessage().setBody("Initech"));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annolab:infer needs projectIdentifier").hasMessageContaining("option")
                .hasMessageContaining(AnnoLabConstants.PROJECT_IDENTIFIER);
        out = template.request(uri, e -> {
            e.getMessage().setBody("Initech");
            e.getMessage().setHeader(AnnoLabConstants.PROJECT_IDENTIFIER, "contracts");
        });
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs modelIdentifier").hasMessageContaining("option modelIdentifier")
                .hasMessageContaining(AnnoLabConstants.MODEL_IDENTIFIER);
        assertThat(emulator.stats().totalCalls("annolab")).isZero();

        Exchange withHeaders = template.request(uri, e -> {
            e.getMessage().setBody("Initech pays Hooli");
            e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(AnnoLabConstants.PROJECT_IDENTIFIER, "contracts",
                    AnnoLabConstants.MODEL_IDENTIFIER, "Entity Annotator")));
        });
        assertThat(withHeaders.getException()).isNull();
        assertThat(withHeaders.getMessage().getHeader(AnnoLabConstants.ANNOTATION_COUNT)).isEqualTo(2);
    }

    @Test
    void anUnknownOptionOrABadDurationFailsAtCreationNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("annolab:infer?" + TARGET + "&modelIdentifer=typo"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("modelIdentifer");
        assertThatThrownBy(() -> context.getEndpoint("annolab:infer?" + TARGET + "&waitTimeout=abc"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("waitTimeout");
        assertThat(emulator.stats().totalCalls("annolab")).isZero();
    }

    @Test
    void theKeyNeverShowsInTheEndpointUriAndComesFromTheEnvironmentWhenNotSet() {
        Endpoint endpoint = context.getEndpoint("annolab:status?apiKey=s3cr3t-value");
        assertThat(endpoint.toString()).doesNotContain("s3cr3t-value").contains("apiKey=xxxxxx");
        AnnoLabEndpoint fromEnv = context.getEndpoint("annolab:status?waitTimeout=3s", AnnoLabEndpoint.class);
        assertThat(fromEnv.getConfiguration().getApiKey()).isEqualTo(System.getenv("ANNOLAB_API_KEY"))
                .isEqualTo(emulator.apiKey());
        assertThat(fromEnv.getConfiguration().getWaitTimeout()).isEqualTo(3_000);
    }
}
