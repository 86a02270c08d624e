package io.camelinference.unitypredict.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One value of an output variable. For {@code dataType} {@code File} the value is the name of a file the service
 * produced; the component downloads it when {@code outputDirectory} is set.
 */
public record UnityPredictOutcome(String dataType, Double probability, Object value) {

    @JsonIgnore
    public boolean isFile() {
        return "File".equalsIgnoreCase(dataType);
    }
}
