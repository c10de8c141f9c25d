package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.newsdesk.MutableClock;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.internal.Articles;
import dev.newsdesk.site.Language;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishing the scheduled articles that are due, as every node of a cluster attempts it: in short
 * transactions of one batch each, by one node at a time. Each node here is a desk of its own on the test
 * database, with a clock set to the articles' time a day ahead, so that the application's own scheduler,
 * on the real clock, leaves these articles alone.
 */
@NewsdeskTest
class DuePublishingTest {

    private static final int BATCH = 5;

    @Autowired Articles articles;
    @Autowired Rubrics rubrics;
    @Autowired Sources sources;
    @Autowired Images images;
    @Autowired ArticleSettings settings;
    @Autowired PlatformTransactionManager transactions;
    @Autowired LockProvider locks;
    @Autowired ArticleDesk desk;
    @Autowired TestNews news;

    private final Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Long> scheduled = new ArrayList<>();

    @AfterEach
    void takeTheArticlesFromTheFutureOffTheSite() {
        threads.shutdownNow();
        scheduled.forEach(desk::withdraw);
    }

    @Test
    void publishesManyDueArticlesInTransactionsOfOneBatchEach() {
        schedule(3 * BATCH + 2);
        Node node = new Node();

        node.publishUntilDone();

        assertThat(node.announced.committed()).as("one transaction per batch")
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(transaction -> assertThat(transaction).hasSizeLessThanOrEqualTo(BATCH));
        assertThat(node.announced.articles()).as("each announced once").containsAll(scheduled).doesNotHaveDuplicates();
        assertThat(scheduled).allSatisfy(id -> {
            Article article = desk.find(id).orElseThrow();
            assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(article.publishedAt()).as("at its set time").isEqualTo(due);
        });
    }

    @Test
    void aNodeLeavesTheDueArticlesToTheNodeAlreadyPublishingThem() throws Exception {
        schedule(2 * BATCH + 1);
        Node first = new Node();
        Node second = new Node();
        first.announced.holdInFirstTransaction();
        try {
            Future<Integer> firstRun = threads.submit(first::publishUntilDone);
            assertThat(first.announced.held.await(30, TimeUnit.SECONDS)).as("the first node is publishing").isTrue();

            // While the first node holds its first batch open, the second neither waits for it nor publishes.
            Future<Integer> secondRun = threads.submit(() -> second.desk.publishDue());
            assertThat(secondRun.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(second.announced.articles()).isEmpty();

            first.announced.release.countDown();
            firstRun.get(30, TimeUnit.SECONDS);
        } finally {
            first.announced.release.countDown();
        }
        assertThat(first.announced.articles()).containsAll(scheduled).doesNotHaveDuplicates();
    }

    @Test
    void twoNodesPublishingAtOnceAnnounceEachArticleOnce() throws Exception {
        schedule(4 * BATCH);
        Node first = new Node();
        Node second = new Node();
        CyclicBarrier start = new CyclicBarrier(2);

        Future<Integer> firstRun = threads.submit(() -> {
            start.await();
            return first.desk.publishDue();
        });
        Future<Integer> secondRun = threads.submit(() -> {
            start.await();
            return second.desk.publishDue();
        });
        firstRun.get(30, TimeUnit.SECONDS);
        secondRun.get(30, TimeUnit.SECONDS);
        // Should the application's own scheduler have held the lock at that moment, the first node tries again.
        first.publishUntilDone();

        List<Long> announced = new ArrayList<>(first.announced.articles());
        announced.addAll(second.announced.articles());
        assertThat(announced).containsAll(scheduled).doesNotHaveDuplicates();
    }

    private void schedule(int count) {
        Rubric rubric = news.rubric();
        for (int i = 0; i < count; i++) {
            long id = desk.submit(news.draft(Language.EN, rubric, "Story for tomorrow " + i, null));
            desk.schedule(id, due);
            scheduled.add(id);
        }
    }

    /** A node of the cluster: its own desk on the shared database, whose clock has reached the articles' time. */
    private final class Node {

        final Announcements announced = new Announcements();
        final ArticleDesk desk = transactional(new ArticleDesk(articles, rubrics, sources, images, announced,
                new MutableClock(due), new ArticleSettings(settings.pageSize(), settings.changePoll(),
                        settings.changeGapTimeout(), settings.schedulePoll(), BATCH, settings.cachedArticles()),
                transactions, locks));

        /** The desk with its {@code @Transactional} methods in force, as the application's bean has them. */
        private ArticleDesk transactional(ArticleDesk target) {
            ProxyFactory proxy = new ProxyFactory(target);
            proxy.setProxyTargetClass(true);
            proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
            return (ArticleDesk) proxy.getProxy();
        }

        /** Calls the desk, as the scheduler would, until all the test's articles are published. */
        int publishUntilDone() {
            int[] published = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                published[0] += desk.publishDue();
                return scheduled.stream().allMatch(id -> this.desk.find(id).orElseThrow().isPublic());
            });
            return published[0];
        }
    }

    /** The articles a desk announced as published, by the transaction each announcement was made in. */
    private static final class Announcements implements ApplicationEventPublisher {

        private final List<List<Long>> committed = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean holding;

        /** The first announcement waits, inside its transaction, until {@link #release} is counted down. */
        void holdInFirstTransaction() {
            holding = true;
        }

        @Override
        public void publishEvent(Object event) {
            if (!(event instanceof ArticlePublished published)) {
                return;
            }
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("Announced outside the transaction that published " + published.articleId());
            }
            transaction().add(published.articleId());
            if (holding) {
                holding = false;
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @SuppressWarnings("unchecked")
        private List<Long> transaction() {
            List<Long> announced = (List<Long>) TransactionSynchronizationManager.getResource(this);
            if (announced == null) {
                List<Long> fresh = new ArrayList<>();
                TransactionSynchronizationManager.bindResource(this, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResource(Announcements.this);
                        if (status == STATUS_COMMITTED) {
                            committed.add(fresh);
                        }
                    }
                });
                announced = fresh;
            }
            return announced;
        }

        List<List<Long>> committed() {
            return List.copyOf(committed);
        }

        List<Long> articles() {
            return committed().stream().flatMap(List::stream).toList();
        }
    }
}
