package dev.newsdesk.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsTest {

    @Test
    void recognisesCrawlersAndScripts() {
        assertThat(Robots.isRobot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(Robots.isRobot("Mozilla/5.0 (compatible; YandexBot/3.0)")).isTrue();
        assertThat(Robots.isRobot("curl/8.5.0")).isTrue();
        assertThat(Robots.isRobot("python-requests/2.31")).isTrue();
        assertThat(Robots.isRobot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0")).isTrue();
        assertThat(Robots.isRobot("")).isTrue();
        assertThat(Robots.isRobot(null)).isTrue();
    }

    @Test
    void letsBrowsersThrough() {
        assertThat(Robots.isRobot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0 Safari/537.36")).isFalse();
        assertThat(Robots.isRobot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).isFalse();
    }
}
