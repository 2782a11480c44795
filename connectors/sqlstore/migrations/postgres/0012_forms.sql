-- Tickets submitted through an operator's form carry the form's key
-- (PostgreSQL); every other thread has ''.
ALTER TABLE conversation_threads ADD COLUMN form TEXT NOT NULL DEFAULT '';
