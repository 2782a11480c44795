-- Tickets submitted through an operator's form carry the form's key
-- (SQLite); every other thread has ''.
ALTER TABLE conversation_threads ADD COLUMN form TEXT NOT NULL DEFAULT '';
