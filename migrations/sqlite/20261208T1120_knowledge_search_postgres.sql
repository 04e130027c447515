-- PostgreSQL's knowledge search (words the language module's way, trigrams, vectors) needs new
-- columns and extensions there; SQLite keeps FTS5 and vec0 as they are. Nothing changes here: this
-- file keeps the two migration trees the same list of names.
select 1;
