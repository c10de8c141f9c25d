package dev.newsdesk.mail;

/**
 * A message to one recipient, already written in the recipient's language: a plain-text and an HTML
 * version of the same content. Links in it must be absolute.
 */
public record Mail(String to, String subject, String text, String html) {
}
