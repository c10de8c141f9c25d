package dev.newsdesk.account.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the account pages share: hidden fields, and answers no browser should keep. */
final class Forms {

    private Forms() {
    }

    /** Hidden fields in the order given. */
    static Map<String, String> hidden(String... namesAndValues) {
        Map<String, String> hidden = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                hidden.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return hidden;
    }

    /** Pages with personal data or one-time links are never stored by browsers or proxies. */
    static ResponseEntity<byte[]> noStore(ResponseEntity<byte[]> page) {
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .cacheControl(CacheControl.noStore()).body(page.getBody());
    }

    static ResponseEntity<byte[]> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location)
                .cacheControl(CacheControl.noStore()).build();
    }
}
