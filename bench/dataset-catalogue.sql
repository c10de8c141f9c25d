-- Synthetic catalogue for the page benchmark: 8 rubrics, 4 sources and a member. Runs on H2 and PostgreSQL.
INSERT INTO rubric (slug, name_ru, name_en, header_ru, header_en, position) VALUES
  ('bench-state', 'Состояние ОПК', 'State of the industry', 'Новости о состоянии ОПК', 'News about the state of the industry', 1),
  ('bench-personnel', 'Кадры', 'Personnel', 'Новости о кадрах', 'News about personnel', 2),
  ('bench-finance', 'Финансирование', 'Financing', 'Новости о финансировании', 'News about financing', 3),
  ('bench-industry', 'Отрасль', 'Industry', 'Новости отрасли', 'Industry news', 4),
  ('bench-cooperation', 'Сотрудничество', 'Cooperation', 'Новости сотрудничества', 'Cooperation news', 5),
  ('bench-aviation', 'Авиастроение', 'Aircraft', 'Новости авиастроения', 'Aircraft news', 6),
  ('bench-ships', 'Судостроение', 'Shipbuilding', 'Новости судостроения', 'Shipbuilding news', 7),
  ('bench-space', 'Космос', 'Space', 'Новости космоса', 'Space news', 8);
INSERT INTO source (slug, name_ru, name_en, country, home_url, licence_ru, licence_en) VALUES
  ('bench-agency', 'Бенч-Информ', 'Bench-Inform', 'RU', 'https://bench.example.org/', 'Материал размещён в открытом доступе', 'Public domain'),
  ('bench-press', 'Бенч-Пресс', 'Bench-Press', 'RU', 'https://press.example.org/', 'Материал размещён в открытом доступе', 'Public domain'),
  ('bench-review', 'The Bench Review', 'The Bench Review', 'US', 'https://review.example.com/', 'Перевод с разрешения', 'By permission'),
  ('bench-journal', 'Bench Journal', 'Bench Journal', 'GB', 'https://journal.example.com/', 'Перевод с разрешения', 'By permission');
-- A verified member for the logged-in row, password bench-member-password-1 (a bcrypt hash, which the portal
-- still accepts; it is upgraded to Argon2id at the first login).
INSERT INTO member (display_name, display_name_key, email, email_key, password_hash, lang, verified_at, created_at) VALUES
  ('BenchMember', 'benchmember', 'member@bench.example.org', 'member@bench.example.org',
   '{bcrypt}$2a$10$v4sFaV/F0cBaWVB/xqtFQudaogt5OW/EBIlCGh1H0DddfrLaIYCgq', 'ru', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO member_role (member_id, role) SELECT id, 'MEMBER' FROM member WHERE email_key = 'member@bench.example.org';
