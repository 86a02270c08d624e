package io.camelinference.deepomatic.binding;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.camelinference.common.body.UploadSource;
import io.camelinference.deepomatic.operation.ImageInput;
import org.apache.camel.Exchange;

/**
 * Reads the images of an inference body, refusing anything that is no image before any call is made: file content
 * (File, Path, byte array, InputStream, a file from the file consumer) is uploaded; an http(s) URL or a
 * data:image/...;base64, URI is sent as the source; a List of these is one image each.
 */
final class ImageInputs {

    static final String ACCEPTED = "a File, Path, byte[] or InputStream (uploaded), an http(s) URL or data:image/*;base64,"
            + " String, or a List of these";

    private ImageInputs() {
    }

    /** The images of the body: one, or one per element of a Collection body. */
    static List<ImageInput> read(Exchange exchange, Object body) {
        List<ImageInput> images = new ArrayList<>();
        if (!(body instanceof Collection<?> list)) {
            images.add(image(exchange, body, -1));
            return images;
        }
        int index = 0;
        for (Object item : list) {
            images.add(image(exchange, item, index++));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("deepomatic:inference got an empty List: send an image, or a List of"
                    + " images (" + ACCEPTED + ")");
        }
        return images;
    }

    private static ImageInput image(Exchange exchange, Object item, int index) {
        String where = index < 0 ? "the body" : "element " + index + " of the body";
        if (item instanceof URL || item instanceof URI) {
            item = item.toString();
        }
        if (item instanceof CharSequence chars) {
            String source = chars.toString().strip();
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return new ImageInput(urlName(source), null, source);
            }
            if (lower.startsWith("data:image/") && lower.contains(";base64,")) {
                return new ImageInput("data:", null, source);
            }
            throw new IllegalArgumentException("deepomatic:inference got a String in " + where + " that is neither an"
                    + " http(s) URL nor a data:image/*;base64, URI: \"" + abbreviate(source) + "\". To send a file,"
                    + " put a File, Path, byte[] or InputStream in the body");
        }
        if (UploadSource.isUploadable(item)) {
            String fallback = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            if (fallback == null || index >= 0) {
                fallback = "image" + (index < 0 ? "" : "-" + index);
            }
            UploadSource source = UploadSource.from(item, fallback);
            if (source.length() == 0) {
                throw new IllegalArgumentException("deepomatic:inference got an empty image in " + where + " ("
                        + source.name() + ", 0 bytes): nothing was sent");
            }
            return new ImageInput(source.name(), source, null);
        }
        throw new IllegalArgumentException("deepomatic:inference needs an image in " + where + ": " + ACCEPTED
                + "; got " + (item == null ? "nothing (null)" : item.getClass().getName()) + "; nothing was sent");
    }

    /**
     * What messages, logs and results call a URL image: scheme, host and path. Userinfo, query and fragment are left
     * out, since a signed URL (X-Amz-Signature, sig=...) or user:password@ is a credential.
     */
    static String urlName(String url) {
        String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
        try {
            // a space is the one thing people leave unencoded in an otherwise valid URL
            URI uri = new URI(url.replace(" ", "%20"));
            if (uri.getHost() != null) {
                return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                        + (uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (URISyntaxException e) {
            // handled below
        }
        // no host:port to be read (e.g. a # or / in a password): where the userinfo ends cannot be told, none is shown
        return scheme + "://(a URL without a readable host)";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
