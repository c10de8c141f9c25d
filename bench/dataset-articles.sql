-- Articles :from to :to of the synthetic archive; pages.sh fills in :rows and :published for the
-- database. Half of them go to the first rubric, so that its page 1000 exists; two in three are
-- Russian; one a minute, newest first.
INSERT INTO article (lang, status, rubric_id, source_id, title, slug, subtitle, lead, body, dateline,
    published_at, created_at, updated_at, change_seq)
SELECT CASE WHEN MOD(x, 3) = 0 THEN 'en' ELSE 'ru' END, 'PUBLISHED',
    (SELECT min(id) FROM rubric WHERE slug LIKE 'bench-%') + CASE WHEN MOD(x, 2) = 0 THEN 0 ELSE 1 + MOD(x, 7) END,
    (SELECT min(id) FROM source WHERE slug LIKE 'bench-%') + MOD(x, 4),
    'Синтетическая новость номер ' || x || ' о модернизации оборонного предприятия', 'sinteticheskaya-novost-' || x,
    NULL, 'Краткое содержание новости номер ' || x || ': предприятие обновило станочный парк и наращивает выпуск.',
    REPEAT('<p>Предприятие оборонно-промышленного комплекса сообщило о завершении очередного этапа модернизации производства. '
        || 'Обновлены станки, внедрена цифровая система планирования, сокращён цикл выпуска продукции.</p>', 4),
    'Москва. 6 января. БЕНЧ-ИНФОРМ -',
    :published, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, nextval('article_change_seq')
FROM :rows;
