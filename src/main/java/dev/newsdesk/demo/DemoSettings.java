package dev.newsdesk.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether an empty portal (no rubrics yet) is filled with the bundled demo content at start
 */
@ConfigurationProperties("newsdesk.demo")
public record DemoSettings(@DefaultValue("true") boolean enabled) {
}
