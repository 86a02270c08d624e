package io.camelinference.commsmining.model;

/** A part of a message that is text: its body, subject or signature ({@code {"text": ...}}). */
public record MessageText(String text) {
}
