package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.site.Bilingual;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NewsdeskTest
class ImagesTest {

    @Autowired Images images;

    @Test
    void storesAPictureWithItsSizeAndCredit() {
        Image image = images.add(picture("png", 40, 20), new Bilingual("Подпись", "Caption"), "© Test 2026");

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        assertThat(image.credit()).isEqualTo("© Test 2026");
    }

    @Test
    void refusesWhatIsNotAPictureItCanRead() {
        assertRefused(new byte[0], "image", "article.error.imageEmpty");
        assertRefused("this is not a picture at all".getBytes(), "image", "article.error.imageType");
        assertRefused(Arrays.copyOf(picture("jpeg", 40, 20), 40), "image", "article.error.imageUnreadable");
        // A GIF header with a screen and no image in it: ImageIO's reader answers with IndexOutOfBoundsException.
        assertRefused(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, 0x3b}, "image",
                "article.error.imageUnreadable");
    }

    @Test
    void refusesAPictureThatClaimsMorePixelsThanItCouldDecode() {
        // A PNG header that claims 65535 × 65535 pixels, and nothing after it.
        byte[] bomb = HexFormat.of().parseHex("89504e470d0a1a0a0000000d494844520000ffff0000ffff0802000000");

        assertRefused(bomb, "image", "article.error.imageTooLarge");
    }

    @Test
    void refusesACreditLongerThanItsColumn() {
        assertThatThrownBy(() -> images.add(picture("png", 4, 4), new Bilingual(null, null), "Фото ".repeat(200)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsEntry("credit", "article.error.tooLong"));
    }

    private void assertRefused(byte[] data, String field, String key) {
        assertThatThrownBy(() -> images.add(data, new Bilingual(null, null), null))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsEntry(field, key));
    }

    private static byte[] picture(String format, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
