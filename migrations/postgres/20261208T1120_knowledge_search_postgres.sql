-- The knowledge base's search on PostgreSQL, with the same words SQLite's FTS5 sees.
--
-- FTS5 (unicode61, diacritics removed) and the language module cut text into lower-case a-z/0-9
-- words ("Telkomsel 100.000" → telkomsel 100 000, "Pokémon" → pokemon); PostgreSQL's own parser
-- would keep "100.000" whole and "pokémon" accented. So the names and texts are folded the
-- language module's way (normalizeText: lower case, NFKD, combining marks off, anything else a
-- space) into `title_words` and `body_words`, and the tsvector (`simple`: no stemming, the
-- `terms` column already holds the lexicon's meanings) is built over those.
--
-- Typos the lexicon and the spelling corrector miss are caught by trigram similarity on the
-- folded names (pg_trgm, in postgresql-contrib). Vectors go to `knowledge_vectors`, created by the
-- application like SQLite's vec0 table (its dimension is the embedding model's): a `vector(n)`
-- column when the server has pgvector, else bytea searched in process.

create extension if not exists pg_trgm;

-- pgvector where the server offers it and this role may install it; without it the vector search
-- runs in process (Debian 12 does not package pgvector).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    begin
      create extension if not exists vector;
    exception when insufficient_privilege then
      raise notice 'pgvector is available but this role may not create it: vectors are searched in process';
    end;
  end if;
end
$$;

-- The language module's normalizeText, in SQL: immutable, so generated columns may use it.
create function knowledge_words(text) returns text language sql immutable strict parallel safe as $$
  select btrim(regexp_replace(regexp_replace(lower(normalize($1, NFKD)), '[\u0300-\u036f]', '', 'g'), '[^a-z0-9]+', ' ', 'g'))
$$;

alter table knowledge_documents add column title_words text generated always as (knowledge_words(title)) stored;
alter table knowledge_documents add column body_words text generated always as (knowledge_words(body)) stored;

-- FTS5's bm25(4, 1, 2, 0) as weights: names (A) weigh most, terms (B), body (C), and the facets
-- (D) weigh nothing: they are in the vector only so that a filter ("pinstagram:D & …") is answered
-- by the same GIN index as the words, as FTS5's column filters are inside its MATCH. Dropping the
-- old column drops its GIN index too.
alter table knowledge_documents drop column search;
alter table knowledge_documents add column search tsvector generated always as (
  setweight(to_tsvector('simple', knowledge_words(title)), 'A') ||
  setweight(to_tsvector('simple', terms), 'B') ||
  setweight(to_tsvector('simple', knowledge_words(body)), 'C') ||
  setweight(to_tsvector('simple', facets), 'D')) stored;
create index knowledge_documents_search on knowledge_documents using gin (search);
create index knowledge_documents_title_trigrams on knowledge_documents using gin (title_words gin_trgm_ops);
