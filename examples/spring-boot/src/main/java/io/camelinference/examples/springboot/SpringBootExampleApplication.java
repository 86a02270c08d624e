package io.camelinference.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs routes/unitypredict-file-pipeline.camel.yaml in Spring Boot: text files dropped into work/unitypredict/inbox
 * are summarised by UnityPredict and the results land in work/unitypredict/outbox. Everything is configured in
 * application.properties through the camel-unitypredict-starter; Camel's health (the UnityPredict check included)
 * is at /actuator/health.
 */
@SpringBootApplication
public class SpringBootExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringBootExampleApplication.class, args);
    }
}
