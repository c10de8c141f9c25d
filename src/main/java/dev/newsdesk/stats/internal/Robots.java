package dev.newsdesk.stats.internal;

import java.util.regex.Pattern;

/** Tells crawlers, scripts and link previewers from people by their User-Agent. */
public final class Robots {

    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|lighthouse|headless|phantom"
                    + "|curl|wget|python|java/|okhttp|go-http|httpclient|http-client|libwww|perl|ruby|scrapy"
                    + "|axios|node-fetch|feedfetcher|rss|wrk|ab/|jmeter|gatling",
            Pattern.CASE_INSENSITIVE);

    private Robots() {
    }

    public static boolean isRobot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || ROBOT.matcher(userAgent).find();
    }
}
