package dev.newsdesk.site;

/** A text kept in both languages of the site, such as a rubric's name. Either may be null where it is optional. */
public record Bilingual(String ru, String en) {

    public String in(Language language) {
        return language == Language.RU ? ru : en;
    }
}
