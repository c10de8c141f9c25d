package dev.newsdesk.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.site.Bilingual;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored pictures (JPEG, PNG, GIF) and their descriptions. Files are kept in the database, the only
 * source of truth, and served from memory once read.
 */
@Repository
public class Images {

    /** Larger files are refused. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Pictures of more pixels are refused: decoding one (for a thumbnail, say) would take gigabytes. */
    public static final long MAX_PIXELS = 50_000_000;
    /** The longest credit, as the column holds it. */
    static final int MAX_CREDIT = 500;

    private static final String INFO = "id, content_type, width, height, byte_size, caption_ru, caption_en, credit, uploaded_at";

    private static final RowMapper<Image> ROW = (rs, row) -> new Image(rs.getLong("id"), rs.getString("content_type"),
            rs.getInt("width"), rs.getInt("height"), rs.getInt("byte_size"),
            new Bilingual(rs.getString("caption_ru"), rs.getString("caption_en")), rs.getString("credit"),
            rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<Long, Optional<Image>> info;
    private final LoadingCache<Long, Optional<byte[]>> files;

    Images(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.info = Caffeine.newBuilder().maximumSize(10_000).build(this::loadInfo);
        this.files = Caffeine.newBuilder()
                .maximumWeight(64L * 1024 * 1024)
                .<Long, Optional<byte[]>>weigher((id, data) -> data.map(bytes -> bytes.length).orElse(1))
                .build(this::loadFile);
    }

    /** Stores a picture; its type and pixel size are read from the data itself. */
    public Image add(byte[] data, Bilingual caption, String credit) {
        if (data == null || data.length == 0) {
            throw new ArticleRejected("image", "article.error.imageEmpty");
        }
        if (data.length > MAX_BYTES) {
            throw new ArticleRejected("image", "article.error.imageTooLarge");
        }
        if (credit != null && credit.length() > MAX_CREDIT) {
            throw new ArticleRejected("credit", "article.error.tooLong");
        }
        Format format = read(data);
        if (format.width() <= 0 || format.height() <= 0) {
            throw new ArticleRejected("image", "article.error.imageUnreadable");
        }
        if ((long) format.width() * format.height() > MAX_PIXELS) {
            throw new ArticleRejected("image", "article.error.imageTooLarge");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO image (content_type, width, height, byte_size, caption_ru, caption_en, credit,
                            uploaded_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(format.contentType(), format.width(), format.height(), data.length, caption.ru(), caption.en(),
                        credit, Instant.now(clock).atOffset(ZoneOffset.UTC), data)
                .update(key, "id");
        return find(key.getKeyAs(Long.class)).orElseThrow();
    }

    public Optional<Image> find(long id) {
        return info.get(id);
    }

    /** The bytes of the picture. */
    public Optional<byte[]> file(long id) {
        return files.get(id);
    }

    private Optional<Image> loadInfo(long id) {
        return jdbc.sql("SELECT " + INFO + " FROM image WHERE id = ?").param(id).query(ROW).optional();
    }

    private Optional<byte[]> loadFile(long id) {
        return jdbc.sql("SELECT data FROM image WHERE id = ?").param(id).query((rs, row) -> rs.getBytes(1)).optional();
    }

    private record Format(String contentType, int width, int height) {
    }

    private static Format read(byte[] data) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ArticleRejected("image", "article.error.imageType");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                String type = switch (reader.getFormatName().toLowerCase(Locale.ROOT)) {
                    case "jpeg", "jpg" -> "image/jpeg";
                    case "png" -> "image/png";
                    case "gif" -> "image/gif";
                    default -> throw new ArticleRejected("image", "article.error.imageType");
                };
                return new Format(type, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's readers throw unchecked exceptions (IndexOutOfBounds, NegativeArraySize...) on bad data.
            if (e instanceof ArticleRejected rejected) {
                throw rejected;
            }
            throw new ArticleRejected("image", "article.error.imageUnreadable");
        }
    }
}
