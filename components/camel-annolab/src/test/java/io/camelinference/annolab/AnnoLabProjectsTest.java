package io.camelinference.annolab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelinference.annolab.model.AnnoLabDirectory;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ApiKeyInfo;
import io.camelinference.annolab.model.ServiceMessage;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key, project, directory and source operations, each against the SDK call it replaces: api_key_info and
 * default_owner, create_project, find_project, find_source, the source by id, delete by id and by path.
 */
class AnnoLabProjectsTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

    @TempDir
    Path temp;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange ok(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(out.getException()).isNull();
        return out;
    }

    @Test
    void apiKeyInfoNamesTheDefaultOwnerWhereProjectsAreCreatedFoundAndListedWithoutAGroup() {
        Exchange info = ok("annolab:api-key-info", null, Map.of());
        assertThat(info.getMessage().getBody(ApiKeyInfo.class).groups()).extracting(ApiKeyInfo.Group::groupName)
                .containsExactly("demo", OWNER);
        assertThat(info.getMessage().getHeader(AnnoLabConstants.DEFAULT_OWNER)).isEqualTo(OWNER);

        // lab.create_project('Claims'): no group, so the key's own
        Exchange created = ok("annolab:create-project", "Claims", Map.of());
        AnnoLabProject claims = created.getMessage().getBody(AnnoLabProject.class);
        assertThat(claims.groupName()).isEqualTo(OWNER);
        assertThat(claims.defaultDirectory()).isEqualTo("Uploads");
        assertThat(created.getMessage().getHeader(AnnoLabConstants.PROJECT_ID)).isEqualTo(claims.id());
        AnnoLabProject shared = ok("annolab:create-project?groupName=demo", Map.of("name", "Shared", "isPublic", true),
                Map.of()).getMessage().getBody(AnnoLabProject.class);
        assertThat(shared.groupName()).isEqualTo("demo");
        assertThat(shared.isPublic()).isTrue();
        ok("annolab:create-project", "Policies", Map.of());
        assertThat(calls(API_KEY_INFO)).as("api-key-info, and the default owner read once by the create-project"
                + " endpoint").isEqualTo(2);

        // lab.find_project('Claims'), and by id
        assertThat(ok("annolab:get-project", "Claims", Map.of()).getMessage().getBody(AnnoLabProject.class).id())
                .isEqualTo(claims.id());
        assertThat(ok("annolab:get-project?groupName=demo&projectIdentifier=" + shared.id(), null, Map.of())
                .getMessage().getBody(AnnoLabProject.class).name()).isEqualTo("Shared");

        @SuppressWarnings("unchecked")
        List<AnnoLabProject> demo = ok("annolab:list-projects?groupName=demo", null, Map.of()).getMessage()
                .getBody(List.class);
        assertThat(demo).extracting(AnnoLabProject::name).containsExactly("contracts", "Shared");
        @SuppressWarnings("unchecked")
        List<AnnoLabProject> all = ok("annolab:list-projects", null, Map.of()).getMessage().getBody(List.class);
        assertThat(all).extracting(AnnoLabProject::name).containsExactlyInAnyOrder("contracts", "Shared", "Claims",
                "Policies");
    }

    @Test
    void aProjectThatExistsIsTheServices409AndTheCreateIsNotSentAgain() {
        ok("annolab:create-project", "Claims", Map.of());
        Exchange again = template.request("annolab:create-project", e -> e.getMessage().setBody("Claims"));
        assertThat(again.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("409")
                .hasMessageContaining("A project named 'Claims' already exists");
        assertThat(calls(CREATE_PROJECT)).isEqualTo(2);

        // a 500 after the service created it: the answer is lost, the call is not re-sent (a second would be a 409)
        fault(FaultRule.builder().method("POST").path("/v1/project/create").status(500).afterProcessing(true)
                .count(1));
        Exchange lost = template.request("annolab:create-project", e -> e.getMessage().setBody("Lost"));
        assertThat(lost.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("500");
        assertThat(calls(CREATE_PROJECT)).isEqualTo(3);
        assertThat(ok("annolab:get-project", "Lost", Map.of()).getMessage().getBody(AnnoLabProject.class).name())
                .isEqualTo("Lost");

        Exchange unknown = template.request("annolab:get-project?groupName=demo", e -> e.getMessage().setBody("nope"));
        assertThat(unknown.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("Project 'nope' not found in group 'demo'");
        Exchange nameless = template.request("annolab:create-project", e -> e.getMessage().setBody(null));
        assertThat(nameless.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the project's name");
        Exchange badKey = template.request("annolab:create-project", e -> e.getMessage().setBody(Map.of("nmae", "x")));
        assertThat(badKey.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'nmae'");
        assertThat(calls(CREATE_PROJECT)).isEqualTo(3);
    }

    @Test
    void directoriesAreCreatedAndSourcesGoThere() {
        Exchange made = ok("annolab:create-directory?" + TARGET, "Inbox", Map.of());
        AnnoLabDirectory inbox = made.getMessage().getBody(AnnoLabDirectory.class);
        assertThat(inbox.name()).isEqualTo("Inbox");
        assertThat(inbox.projectName()).isEqualTo("contracts");
        AnnoLabSource source = ok("annolab:create-source?" + TARGET, "Initech", Map.of(
                AnnoLabConstants.DIRECTORY_IDENTIFIER, "Inbox")).getMessage().getBody(AnnoLabSource.class);
        assertThat(source.directoryId()).isEqualTo(inbox.id());

        Exchange twice = template.request("annolab:create-directory?" + TARGET, e -> e.getMessage().setBody("Inbox"));
        assertThat(twice.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("409");
        Exchange nameless = template.request("annolab:create-directory?" + TARGET, e -> e.getMessage().setBody(null));
        assertThat(nameless.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the directory's name");
        assertThat(calls(CREATE_DIRECTORY)).isEqualTo(2);
    }

    @Test
    void sourcesAreReadByIdOrPathAndAPdfCarriesItsSignedUrl() throws Exception {
        AnnoLabSource text = ok("annolab:create-source?" + TARGET, "Initech pays Hooli", Map.of(
                AnnoLabConstants.SOURCE_NAME, "pay.txt")).getMessage().getBody(AnnoLabSource.class);
        Path pdf = pdf(temp.resolve("bundle.pdf"), "INVOICE 7 - Amount due $40.00");
        AnnoLabSource bundle = ok("annolab:create-source?" + TARGET + "&directoryIdentifier=Scans", pdf, Map.of(
                AnnoLabConstants.SOURCE_NAME, "bundle.pdf")).getMessage().getBody(AnnoLabSource.class);

        // by id: the header, or the body
        AnnoLabSource byId = ok("annolab:get-source", null, Map.of(AnnoLabConstants.SOURCE_ID, text.id()))
                .getMessage().getBody(AnnoLabSource.class);
        assertThat(byId.text()).isEqualTo("Initech pays Hooli");
        assertThat(byId.url()).isNull();
        assertThat(ok("annolab:get-source", bundle.id(), Map.of()).getMessage().getBody(AnnoLabSource.class).type())
                .isEqualTo("pdf");
        // by path (find_source): in the project's default directory, or the one named
        Exchange byName = ok("annolab:get-source?" + TARGET, "pay.txt", Map.of());
        assertThat(byName.getMessage().getBody(AnnoLabSource.class).id()).isEqualTo(text.id());
        assertThat(byName.getMessage().getHeader(AnnoLabConstants.SOURCE_ID)).isEqualTo(text.id());
        AnnoLabSource pdfSource = ok("annolab:get-source?" + TARGET, null, Map.of(AnnoLabConstants.SOURCE_NAME,
                "bundle.pdf", AnnoLabConstants.DIRECTORY_IDENTIFIER, "Scans")).getMessage()
                .getBody(AnnoLabSource.class);
        assertThat(pdfSource.text()).contains("INVOICE 7");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                pdfSource.url())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(Files.readAllBytes(pdf));

        Exchange unknown = template.request("annolab:get-source?" + TARGET, e -> e.getMessage().setBody("nope.txt"));
        assertThat(unknown.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("Source 'nope.txt' not found in directory 'Uploads'");
        Exchange nothing = template.request("annolab:get-source", e -> e.getMessage().setBody(null));
        assertThat(nothing.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a source");
    }

    @Test
    void sourcesAreDeletedByPathOrByIdAndAreGoneAfter() {
        AnnoLabSource a = ok("annolab:create-source?" + TARGET, "Hooli", Map.of(AnnoLabConstants.SOURCE_NAME, "a.txt"))
                .getMessage().getBody(AnnoLabSource.class);
        AnnoLabSource b = ok("annolab:create-source?" + TARGET, "Acme", Map.of(AnnoLabConstants.SOURCE_NAME, "b.txt"))
                .getMessage().getBody(AnnoLabSource.class);

        ServiceMessage byPath = ok("annolab:delete-source?" + TARGET, "a.txt", Map.of()).getMessage()
                .getBody(ServiceMessage.class);
        assertThat(byPath.message()).contains(String.valueOf(a.id()));
        assertThat(calls(DELETE_SOURCE_BY_PATH)).isEqualTo(1);
        Exchange byId = ok("annolab:delete-source", null, Map.of(AnnoLabConstants.SOURCE_ID, b.id()));
        assertThat(byId.getMessage().getHeader(AnnoLabConstants.SOURCE_ID)).isEqualTo(b.id());
        assertThat(calls(DELETE_SOURCE)).isEqualTo(1);

        for (long id : new long[] {a.id(), b.id()}) {
            Exchange gone = template.request("annolab:get-source", e -> e.getMessage().setBody(id));
            assertThat(gone.getException()).isInstanceOf(InferenceApiException.class)
                    .hasMessageContaining("Source " + id + " not found");
        }
        Exchange again = template.request("annolab:delete-source?" + TARGET, e -> e.getMessage().setBody("a.txt"));
        assertThat(((InferenceApiException) again.getException()).getStatusCode()).isEqualTo(404);
    }
}
