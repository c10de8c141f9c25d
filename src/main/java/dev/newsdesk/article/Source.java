package dev.newsdesk.article;

import dev.newsdesk.site.Bilingual;

/**
 * A publisher stories come from (an agency, a newspaper, a foreign outlet) with its rights notice.
 *
 * @param country ISO 3166 code of the publisher's country
 * @param rights the sentence before the publisher's name in the rights notice; null parts take the site's standard
 * @param licence the licence line under the rights notice
 */
public record Source(long id, String slug, Bilingual name, String country, String homeUrl, Bilingual rights,
                     Bilingual licence) {
}
