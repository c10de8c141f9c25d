package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsdesk.Chromium;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestMailbox;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a reader does in a real browser: sign up from an article, confirm, log out, log in, reset the password. */
@NewsdeskTest
class AccountBrowserTest {

    @Autowired GreenMail smtp;
    @Autowired TestNews news;
    @Autowired ArticleDesk desk;
    @LocalServerPort int port;

    ChromeDriver browser;
    WebDriverWait wait;
    TestMailbox mail;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        mail = new TestMailbox(smtp);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aReaderSignsUpFromAnArticleConfirmsLogsOutLogsInAndResetsThePassword() throws Exception {
        Rubric rubric = news.rubric();
        long id = news.published(news.draft(Language.RU, rubric, "Новость для будущего комментатора", null));
        String article = desk.find(id).orElseThrow().path();
        String name = TestNews.unique("Читатель").replace("-", "");
        String email = TestNews.unique("reader") + "@example.org";

        open(article);
        browser.findElement(By.linkText("Зарегистрируйтесь")).click();
        fill("field-displayName", name);
        fill("field-email", email);
        fill("field-password", "Readers-own-password-1");
        Chromium.screenshot(browser, "ru-signup");
        submit();
        assertThat(heading()).isEqualTo("Проверьте почту");

        open(TestMailbox.link(mail.await(email, 1).getFirst(), "/verify/"));
        assertThat(heading()).isEqualTo("Подтвердите адрес");
        submit();
        assertThat(heading()).isEqualTo("Адрес подтверждён");
        assertThat(browser.findElement(By.cssSelector(".login-link")).getAttribute("href")).endsWith("/login");
        browser.findElement(By.cssSelector("main .form-links a")).click();
        assertThat(notice()).isEqualTo("Адрес подтверждён. Теперь можно войти.");
        fill("field-login", email);
        fill("field-password", "Readers-own-password-1");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".member-name")));
        assertThat(browser.findElement(By.cssSelector(".member-name")).getText()).isEqualTo(name);
        Chromium.screenshot(browser, "ru-logged-in");

        open(article);
        browser.findElement(By.cssSelector(".member-menu summary")).click();
        Chromium.screenshot(browser, "ru-member-menu");
        browser.findElement(By.cssSelector(".member-menu button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".login-link")));

        browser.findElement(By.cssSelector(".login-link")).click();
        browser.findElement(By.linkText("Забыли пароль?")).click();
        fill("field-email", email);
        submit();
        assertThat(heading()).isEqualTo("Проверьте почту");
        open(TestMailbox.link(mail.await(email, 2).get(1), "/password/reset/"));
        fill("field-password", "Readers-new-password-2");
        submit();
        assertThat(notice()).isEqualTo("Пароль изменён. Войдите с новым паролем.");
        fill("field-login", name);
        fill("field-password", "Readers-new-password-2");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".member-name")));

        open("/account");
        assertThat(heading()).isEqualTo("Учётная запись");
        Chromium.screenshot(browser, "ru-account");
    }

    @Test
    void anEnglishReaderGoesThroughInEnglish() throws Exception {
        String name = TestNews.unique("Reader").replace("-", "");
        String email = TestNews.unique("english-reader") + "@example.org";

        open("/en/");
        browser.findElement(By.cssSelector(".login-link")).click();
        assertThat(heading()).isEqualTo("Log in");
        browser.findElement(By.linkText("Register")).click();
        fill("field-displayName", name);
        fill("field-email", email);
        fill("field-password", "Readers-own-password-1");
        submit();
        assertThat(heading()).isEqualTo("Check your mail");

        open(TestMailbox.link(mail.await(email, 1).getFirst(), "/en/verify/"));
        submit();
        assertThat(heading()).isEqualTo("Address confirmed");
        browser.findElement(By.cssSelector("main .form-links a")).click();
        fill("field-login", email);
        fill("field-password", "Readers-own-password-1");
        browser.findElement(By.id("field-remember")).click();
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".member-name")));
        assertThat(browser.getCurrentUrl()).endsWith("/en/");
        Chromium.screenshot(browser, "en-logged-in");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void fill(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form.account-form button[type=submit]")).click();
        wait.until(driver -> ((ChromeDriver) driver).executeScript("return document.readyState").equals("complete"));
    }

    private String notice() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice"))).getText();
    }

    private String heading() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1"))).getText();
    }
}
