package io.camelinference.unitypredict.binding;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import io.camelinference.common.component.SafeFileNames;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.UnityPredictConstants;
import io.camelinference.unitypredict.operation.DownloadCall;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code unitypredict:download}: the request id from its header, the file name from its header or the body; the file
 * goes to the output directory (or the component's temporary directory) and becomes the body.
 */
public final class DownloadBinding implements Binding<DownloadCall, File> {

    private final UnityPredictConfiguration configuration;
    private final Path temporaryDirectory;

    public DownloadBinding(UnityPredictConfiguration configuration, Path temporaryDirectory) {
        this.configuration = configuration;
        this.temporaryDirectory = temporaryDirectory;
    }

    @Override
    public DownloadCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        String requestId = in.getHeader(UnityPredictConstants.REQUEST_ID, String.class);
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("unitypredict:download needs a request id: set the header "
                    + UnityPredictConstants.REQUEST_ID);
        }
        String fileName = MessageValues.id(in, UnityPredictConstants.FILE_NAME, "unitypredict:download",
                "the output file name");
        Path directory = PredictBinding.outputDirectory(in, configuration);
        Path target = SafeFileNames.resolveInside(directory != null ? directory : temporaryDirectory, fileName);
        return new DownloadCall(requestId.strip(), fileName, target);
    }

    @Override
    public void write(Exchange exchange, File file) {
        ResponseHeaders.files(exchange.getMessage(), List.of(file));
        exchange.getMessage().setBody(file);
    }
}
