-- The shop's knowledge base: FAQ documents (editable, one per slug and language), the search
-- index over sellable services and FAQ documents (FTS5 kept in sync by triggers), the embedding
-- cache and the index's own settings. The vec0 table is created by the application, because its
-- dimension depends on the embedding model configured (see knowledge_meta).

create table faq_documents (
  id integer primary key autoincrement,
  slug text not null check (slug <> ''),
  language text not null check (language in ('id', 'en')),
  title text not null,
  body text not null,
  active integer not null default 1,
  created_at integer not null,
  updated_at integer not null,
  unique (slug, language)
);

-- One row per indexed thing. `id` is the key of the FTS5 row and of the vector.
create table knowledge_documents (
  id integer primary key autoincrement,
  source text not null check (source in ('service', 'faq')),
  -- services.id or faq_documents.id
  source_id integer not null,
  title text not null,
  body text not null,
  -- lexicon concept tokens and normalised numbers, so "pengikut", "folower" and "followers" meet
  terms text not null,
  -- filter tokens (source, platform, kind, language), used only inside MATCH
  facets text not null,
  platform text not null default '',
  kind text not null default '',
  language text,
  -- services.unit_price, for "cheapest first"; never shown (prices shown come from services)
  price integer,
  -- what was embedded, and its hash (sha-256 hex): the embedding cache key
  embed_text text not null,
  text_hash text not null,
  updated_at integer not null,
  unique (source, source_id)
);
create index knowledge_documents_tier on knowledge_documents (source, platform, kind, price);

create virtual table knowledge_fts using fts5(
  title, body, terms, facets,
  content = 'knowledge_documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Names weigh most; filter tokens weigh nothing.
insert into knowledge_fts(knowledge_fts, rank) values ('rank', 'bm25(4.0, 1.0, 2.0, 0.0)');

create trigger knowledge_documents_ai after insert on knowledge_documents begin
  insert into knowledge_fts(rowid, title, body, terms, facets) values (new.id, new.title, new.body, new.terms, new.facets);
end;
create trigger knowledge_documents_ad after delete on knowledge_documents begin
  insert into knowledge_fts(knowledge_fts, rowid, title, body, terms, facets) values ('delete', old.id, old.title, old.body, old.terms, old.facets);
end;
-- A price change touches no indexed text: only these columns re-index the row.
create trigger knowledge_documents_au after update of title, body, terms, facets on knowledge_documents begin
  insert into knowledge_fts(knowledge_fts, rowid, title, body, terms, facets) values ('delete', old.id, old.title, old.body, old.terms, old.facets);
  insert into knowledge_fts(rowid, title, body, terms, facets) values (new.id, new.title, new.body, new.terms, new.facets);
end;

-- Every indexed word per column: the spelling corrector's dictionary.
create virtual table knowledge_fts_terms using fts5vocab(knowledge_fts, 'col');

-- Vectors by (model, hash of the text): an unchanged text is never sent to the embedder again.
create table knowledge_embeddings (
  model text not null,
  text_hash text not null,
  dimensions integer not null,
  -- little-endian float32
  vector blob not null,
  created_at integer not null,
  primary key (model, text_hash)
) without rowid;

create table knowledge_meta (
  key text primary key,
  value text not null
) without rowid;

insert into faq_documents (slug, language, title, body, active, created_at, updated_at) values
('cara-bayar', 'id', 'Cara bayar',
 'Setelah kamu setuju dengan ringkasan pesanan, pilih cara bayar: QRIS (scan QR dari aplikasi bank atau e-wallet apa pun: GoPay, OVO, DANA, ShopeePay, m-banking), saldo dompet (/saldo, isi saldo dengan /topup), atau Telegram Stars. Tagihan QRIS berlaku beberapa menit; setelah pembayaran diterima, pesanan langsung diproses otomatis tanpa perlu kirim bukti transfer. Kartu kredit dan transfer bank manual belum bisa dipakai.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('cara-bayar', 'en', 'How to pay',
 'Once you accept the order summary, choose how to pay: QRIS (scan the QR code with any banking or e-wallet app: GoPay, OVO, DANA, ShopeePay, mobile banking), your wallet balance (/balance, top it up with /topup), or Telegram Stars. A QRIS invoice is valid for a few minutes; as soon as the payment arrives the order is processed automatically, no transfer receipt needed. Credit cards and manual bank transfers are not accepted.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('waktu-proses', 'id', 'Berapa lama pesanan diproses',
 'Pesanan dikirim ke supplier begitu pembayaran diterima. Kebanyakan layanan mulai dalam hitungan menit dan selesai dalam beberapa jam; layanan besar atau bertahap (misalnya 50K/hari) bisa sampai beberapa hari, sesuai keterangan di nama layanan. Top up game dan pulsa biasanya masuk dalam 1-5 menit. Status pesanan dikabari otomatis, dan bisa dicek kapan saja di /pesanan.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('waktu-proses', 'en', 'How long processing takes',
 'Your order goes to the supplier as soon as the payment arrives. Most services start within minutes and finish within a few hours; large or gradual services (for example 50K/day) can take a few days, as the service name says. Game top-ups and phone credit usually arrive within 1-5 minutes. We message you at every step, and /orders shows the status at any time.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('garansi-refill', 'id', 'Garansi refill',
 'Layanan bertanda Refill (misalnya Refill 30 Hari atau Lifetime Refill) bergaransi: kalau jumlah followers, likes atau views turun dalam masa garansi, tekan tombol Minta refill di detail pesanan (/pesanan) setelah pesanan selesai, dan kekurangannya diisi ulang gratis. Layanan tanpa refill (No Refill / Tanpa Garansi) tidak bisa diisi ulang.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('garansi-refill', 'en', 'Refill guarantee',
 'Services marked Refill (for example Refill 30 Days or Lifetime Refill) are guaranteed: if the followers, likes or views drop during the guarantee period, press Request refill on the order (/orders) once it is completed and the shortfall is topped up for free. Services without refill (No Refill) cannot be refilled.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('refund', 'id', 'Pengembalian dana (refund)',
 'Kalau supplier hanya menyelesaikan sebagian pesanan (partial), sisa yang tidak terkirim dikembalikan pro rata ke saldo dompetmu. Kalau pesanan dibatalkan atau gagal diproses, dana dikembalikan penuh: QRIS dan saldo ke saldo dompet (/saldo), Telegram Stars ke akun Telegram-mu. Saldo dompet bisa dipakai untuk pesanan berikutnya.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('refund', 'en', 'Refunds',
 'If the supplier completes only part of an order (partial), the undelivered remainder is refunded pro rata to your wallet balance. If an order is canceled or cannot be processed, you get a full refund: QRIS and wallet payments to your wallet balance (/balance), Telegram Stars back to your Telegram account. Wallet balance pays for your next orders.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('cara-order', 'id', 'Cara pesan dan nomor ID layanan',
 'Tulis saja yang kamu cari, misalnya followers ig atau diamond ml 86. Bot menampilkan layanan yang cocok, masing-masing dengan nomor toko (ID, misalnya ID 12): pilih dengan tombol atau ketik nomornya. Lalu kirim link atau username target dan jumlahnya, cek ringkasan dan harga, dan bayar. Nomor ID itu tetap sama, jadi kamu bisa langsung pesan lagi dengan menyebut ID-nya.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('cara-order', 'en', 'How to order and the service ID',
 'Just write what you are looking for, for example instagram followers or ml 86 diamonds. The bot lists matching services, each with its shop number (ID, for example ID 12): pick one with its button or type the number. Then send the target link or username and the quantity, check the summary and price, and pay. A service keeps its ID, so next time you can order straight away by naming the ID.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('tanpa-password', 'id', 'Apakah aman? Perlu password akun?',
 'Aman, dan password tidak pernah dibutuhkan. Kami hanya butuh link atau username akun/postingan yang dituju (dan untuk top up game, ID pemain). Jangan pernah memberikan password atau kode OTP kepada siapa pun, termasuk yang mengaku admin. Pastikan akun tidak di-private selama pesanan berjalan.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('tanpa-password', 'en', 'Is it safe? Do you need my password?',
 'Safe, and your password is never needed. We only need the link or username of the account or post (and for game top-ups, the player ID). Never give your password or an OTP code to anyone, including someone claiming to be an admin. Keep the account public while the order runs.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('top-up-game', 'id', 'Top up game: ID pemain dan zone',
 'Untuk top up diamond atau item game, kirim ID pemain (player ID) kamu. Mobile Legends juga butuh Zone ID (server), tulis seperti 12345678 (1234). Free Fire, PUBG Mobile dan game lain cukup ID pemain. Kami cek nickname-nya dulu bila supplier mendukung, jadi kamu bisa memastikan akunnya benar sebelum bayar. Password tidak pernah dibutuhkan.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('top-up-game', 'en', 'Game top-ups: player ID and zone',
 'For diamonds or other game items, send your player ID. Mobile Legends also needs the Zone ID (server), written like 12345678 (1234). Free Fire, PUBG Mobile and other games need only the player ID. Where the supplier supports it we show the nickname first, so you can confirm the account before paying. A password is never needed.',
 1, unixepoch() * 1000, unixepoch() * 1000),
('hubungi-admin', 'id', 'Cara menghubungi admin',
 'Ketik /cs, atau tulis saja "mau bicara dengan admin" di chat ini: percakapanmu diteruskan ke admin toko, yang akan membalas di sini. Untuk masalah pembayaran, sertakan nomor pesananmu (lihat /pesanan).',
 1, unixepoch() * 1000, unixepoch() * 1000),
('hubungi-admin', 'en', 'How to reach an admin',
 'Type /human (or /cs), or just write "talk to an admin" in this chat: the conversation goes to the shop''s admins, who reply right here. For payment problems, include your order number (see /orders).',
 1, unixepoch() * 1000, unixepoch() * 1000);
