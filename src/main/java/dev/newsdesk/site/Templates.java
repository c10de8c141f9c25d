package dev.newsdesk.site;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders a page from its precompiled JTE template and typed model into a response body.
 * Every template takes a single parameter, {@code model}.
 */
@Component
public class Templates {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final TemplateEngine engine;

    public Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The page {@code template} (a name such as {@code article/home}) rendered with {@code model}, answered 200. */
    public ResponseEntity<byte[]> page(String template, Object model) {
        return page(HttpStatus.OK, template, model);
    }

    public ResponseEntity<byte[]> page(HttpStatusCode status, String template, Object model) {
        return ResponseEntity.status(status).contentType(HTML).body(render(template, model));
    }

    /** A part of a page: {@code template} rendered with {@code model} where the page includes it. */
    public Content content(String template, Object model) {
        return output -> engine.render(template + ".jte", model, output);
    }

    public byte[] render(String template, Object model) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template + ".jte", model, output);
        return output.toByteArray();
    }
}
