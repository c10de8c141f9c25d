-- Module account: Argon2id hashes, with their algorithm prefix, are longer than bcrypt's 68 characters.
ALTER TABLE member ALTER COLUMN password_hash SET DATA TYPE varchar(255);
