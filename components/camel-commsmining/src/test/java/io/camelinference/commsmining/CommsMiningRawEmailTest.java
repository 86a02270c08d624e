package io.camelinference.commsmining;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.PredictedLabel;
import io.camelinference.commsmining.model.RawEmail;
import io.camelinference.emulator.EmulatorExtension;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** predict-raw-emails: .eml files, streams, bytes and MimeMessages parsed with mime4j; limits checked before sending. */
class CommsMiningRawEmailTest extends CommsMiningTestSupport {

    private static final String URI = "commsmining:predict-raw-emails?" + DEMO + "&includeComments=true";
    private static final String REFUND = "Hello,\n\nI returned the item and I am still waiting for my refund of €45.50"
            + " for order ORD-123456.\n\nKind regards,\nAlice Smith";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange send(Object body) {
        return template.request(URI, e -> e.getMessage().setBody(body));
    }

    @Test
    void anEmlFileIsParsedHeadersRawBodiesAsTextAndAttachmentsDescribed() throws Exception {
        Path eml = Emails.write(dir.resolve("refund.eml"), "Refund please 😀", REFUND, "<p>I want my refund</p>",
                "receipt.pdf", 100_000);

        Exchange out = send(eml.toFile());

        assertThat(out.getException()).isNull();
        CommsMiningPrediction p = out.getMessage().getBody(CommsMiningPrediction.class);
        assertThat(p.labels()).extracting(PredictedLabel::fullName).contains("Billing > Refund");
        assertThat(p.comment().messages().get(0).subject().text()).isEqualTo("Refund please 😀");
        assertThat(p.comment().messages().get(0).from()).isEqualTo("alice@customer.example");
        assertThat(p.comment().attachments()).containsExactly(new RawEmail.Attachment("receipt.pdf", 100_000,
                "application/pdf"));
        assertThat(p.entities()).extracting(e -> e.formattedValue()).contains("EUR 45.50", "ORD-123456", "Alice Smith");
        assertThat(out.getMessage().getHeader(CommsMiningConstants.AI_UNITS)).isEqualTo(1);
        assertThat(calls(PREDICT_RAW)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void streamsBytesStringsAndMimeMessagesAreEMailsToo() throws Exception {
        Path eml = Emails.write(dir.resolve("a.eml"), "Where is my parcel?", "My parcel has not arrived yet, where is"
                + " my delivery?", null, null, 0);
        byte[] bytes = Files.readAllBytes(eml);
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        mime.setFrom("bob@customer.example");
        mime.setSubject("Cannot log in");
        mime.setText("I forgot my password and the reset link does not arrive.", "UTF-8");
        mime.saveChanges();

        for (Object body : new Object[] {new ByteArrayInputStream(bytes), bytes, new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8), eml}) {
            Exchange out = send(body);
            assertThat(out.getException()).as(body.getClass().getSimpleName()).isNull();
            assertThat(out.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Order");
        }
        Exchange fromMime = send(mime);
        assertThat(fromMime.getException()).isNull();
        assertThat(fromMime.getMessage().getHeader(CommsMiningConstants.TOP_LABEL)).isEqualTo("Account");

        Exchange list = send(List.of(eml.toFile(), mime));
        assertThat(list.getMessage().getBody(List.class)).hasSize(2);
        assertThat(calls(PREDICT_RAW)).isEqualTo(6);
    }

    @Test
    void aForwardedEmailIsDescribedAsAnAttachmentNotReadAsTheBody() {
        String forwarded = "From: a@b.example\r\nSubject: Fwd: order\r\nContent-Type: multipart/mixed;"
                + " boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee the customer's message"
                + " below: the parcel has not arrived.\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.example"
                + "\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\nInner text that is not the body.\r\n--b--\r\n";

        CommsMiningPrediction p = send(forwarded).getMessage().getBody(CommsMiningPrediction.class);

        assertThat(p.comment().messages().get(0).body().text()).startsWith("See the customer's message")
                .doesNotContain("Inner text");
        assertThat(p.comment().attachments()).extracting(RawEmail.Attachment::contentType)
                .containsExactly("message/rfc822");
    }

    @Test
    void overLimitBodiesTooManyAttachmentsAndNonEmailsAreRefusedBeforeAnyCall() throws Exception {
        Path longPlain = Emails.write(dir.resolve("long.eml"), "Long", "x".repeat(65_537), null, null, 0);
        assertThat(send(longPlain).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536").hasMessageContaining("long.eml");

        StringBuilder many = new StringBuilder("From: a@b.example\r\nSubject: many\r\nContent-Type: multipart/mixed;"
                + " boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n");
        for (int i = 0; i < 129; i++) {
            many.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"f").append(i)
                    .append(".txt\"\r\n\r\nx\r\n");
        }
        many.append("--b--\r\n");
        assertThat(send(many.toString()).getException()).hasMessageContaining("128");

        assertThat(send(Files.createFile(dir.resolve("empty.eml"))).getException()).hasMessageContaining("empty");
        assertThat(send(42).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".eml File");
        assertThat(send("no headers at all, just words").getException()).hasMessageContaining("not an e-mail");
        assertThat(emulator.stats().totalCalls("commsmining")).isZero();
    }
}
