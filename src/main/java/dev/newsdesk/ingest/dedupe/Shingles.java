package dev.newsdesk.ingest.dedupe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsdesk.site.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The word shingles of a text: runs of three consecutive stemmed words, stop words left out, so that
 * "заводы выпустили самолёты" and "завод выпустил самолёт" share them. Lucene's Russian and English
 * analyzers do the stemming.
 */
public final class Shingles {

    static final int SIZE = 3;

    private static final Analyzer RUSSIAN = new RussianAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private Shingles() {
    }

    public static Set<String> of(String text, Language language) {
        List<String> words = stems(text, language == Language.RU ? RUSSIAN : ENGLISH);
        Set<String> shingles = new LinkedHashSet<>();
        if (words.size() < SIZE) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + SIZE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SIZE)));
        }
        return shingles;
    }

    private static List<String> stems(String text, Analyzer analyzer) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
