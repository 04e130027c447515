# Bahasa Indonesia (default). Amounts and times are formatted in code and passed as text.

welcome = Halo, <b>{ $name }</b>! 👋
    Di sini kamu bisa beli followers, likes, views dan layanan sosmed lainnya — bayar pakai QRIS, diproses otomatis.
    Ketik saja yang kamu mau, misalnya <i>mau beli followers instagram 1000</i>, atau pilih kategori di bawah.
greeting = Halo, <b>{ $name }</b>! Mau cari layanan apa hari ini?
help = <b>Cara pesan</b>
    1. Tulis yang kamu cari, misalnya <i>followers ig</i> atau <i>views tiktok 5000</i>.
    2. Pilih layanan dengan nomornya (contoh: <i>ID 12</i> atau ketik <i>12</i>).
    3. Kirim link/username target dan jumlahnya.
    4. Cek ringkasan, tekan <b>Bayar QRIS</b>, lalu scan QR-nya.

    Perintah: /start menu utama · /pesanan riwayat pesanan · /saldo saldo dompet · /bahasa ganti bahasa · /batal batalkan pesanan yang sedang diisi
error-generic = Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi ya 🙏
not-understood = Maaf, aku belum paham maksudnya. Coba tulis layanan yang kamu cari (misalnya <i>followers instagram</i>) atau pilih kategori:
not-understood-media = Aku hanya bisa membaca pesan teks. Ketik layanan yang kamu cari atau /start untuk menu.
unknown-command = Perintah itu tidak ada. Ketik /bantuan untuk daftar perintah, atau tulis saja layanan yang kamu cari.
button-stale = Tombol ini sudah tidak berlaku.

catalog-empty = Katalog layanan masih kosong. Silakan coba lagi nanti.
categories-pick = Pilih platform:
categories-none-for-platform = Belum ada layanan untuk platform itu. Pilih platform lain:
search-nothing = Maaf, belum ada layanan yang cocok. Pilih dari kategori berikut:
kinds-pick = Layanan <b>{ $platform }</b> apa yang kamu cari?
platform-pick-for-kind = { $kind } untuk platform apa?
button-all-categories = « Semua platform
button-more = Lihat lainnya »
list-title = <b>{ $platform } — { $kind }</b>
search-title = <b>Layanan yang cocok</b>
service-line = <b>ID { $mid }</b> · { $name }
    { $price } · min { $min } · maks { $max }
service-line-item = <b>ID { $mid }</b> · { $name }
    { $price }
service-list-footer = Menampilkan { $shown } dari { $total }. Pilih dengan tombol atau ketik nomornya, misalnya <i>ID 12</i>.

kind-followers = Followers
kind-likes = Likes
kind-views = Views
kind-comments = Komentar
kind-subscribers = Subscribers
kind-members = Member
kind-shares = Share
kind-saves = Save
kind-plays = Plays
kind-watch_hours = Jam tayang
kind-reactions = Reaksi
kind-retweets = Retweet/Repost
kind-story_views = Story views
kind-live_views = Live views
kind-votes = Vote
kind-listeners = Listeners
kind-diamonds = Diamond / item game
kind-membership = Membership
kind-topup = Top up
kind-other = Lainnya

pick-product-first = Noted! Sekarang pilih layanannya dulu ya (ketik nomornya, misalnya <i>ID 12</i>).
service-selected = ✅ <b>ID { $mid }</b> — { $name }
    Harga: <b>{ $price }</b>
ask-target-and-quantity = Kirim <b>link atau @username</b> target dan <b>jumlah</b> ({ $min }–{ $max }).
    Contoh: <code>{ $example } 1000</code>
ask-target = Kirim <b>link atau @username</b> targetnya. Contoh: <code>{ $example }</code>
ask-quantity = Berapa <b>jumlah</b>nya? Minimal { $min }, maksimal { $max }.
problem-unknown-mid = Layanan dengan nomor <b>ID { $mid }</b> tidak ditemukan. Cek lagi nomornya di daftar, atau ketik layanan yang kamu cari.
problem-not-sellable = Layanan <b>ID { $mid }</b> belum bisa dipesan lewat bot. Silakan pilih layanan lain.
problem-quantity = Jumlah { $quantity } tidak bisa: untuk layanan ini minimal <b>{ $min }</b> dan maksimal <b>{ $max }</b>.
problem-target-invalid = Target belum benar: kirim link lengkap (https://…) atau @username.
problem-target-platform = Link itu bukan link <b>{ $platform }</b>. Kirim link { $platform } yang benar atau @username.
quote = 🧾 <b>Ringkasan pesanan</b>
    Layanan: <b>ID { $mid }</b> — { $name }
    Target: { $target }
    Jumlah: { $quantity }
    Harga: { $price } / { $unit }
    <b>Total: { $total }</b>
    Harga berlaku sampai { $until }.
quote-topup = 🧾 <b>Ringkasan pesanan</b>
    Produk: <b>ID { $mid }</b> — { $name }
    { $account }
    Jumlah: { $quantity }
    <b>Total: { $total }</b>
    Pastikan akunnya benar. Harga berlaku sampai { $until }.
button-pay-qris = 💳 Bayar dengan QRIS
button-cancel = ✖️ Batal
checkout-canceled = Oke, pesanan dibatalkan. Ketik layanan yang kamu cari kapan saja.

pay-creating = Membuat QRIS…
invoice-caption = 🧾 <b>Pesanan #{ $order }</b>
    Total: <b>{ $total }</b>
    Bayar sebelum <b>{ $until }</b> ({ $minutes } menit).
    Scan QR ini dengan aplikasi bank atau e-wallet apa pun yang mendukung QRIS. Pesanan diproses otomatis setelah pembayaran masuk.
button-check-payment = 🔄 Cek pembayaran
payment-not-found = Pembayaran tidak ditemukan.
payment-check-paid = Pembayaran pesanan #{ $order } sudah diterima ✅
payment-check-pending = Pembayaran belum masuk. QR berlaku sampai { $until }.
payment-check-closed = Tagihan ini sudah tidak aktif. Buat pesanan baru untuk membayar lagi.
pay-problem-unavailable = Pembayaran belum diaktifkan oleh toko. Silakan hubungi admin.
pay-problem-quote-expired = Penawaran harga ini sudah kedaluwarsa. Kirim lagi pesananmu untuk harga terbaru.
pay-problem-service-unavailable = Layanan ini sedang tidak tersedia. Silakan pilih layanan lain.
pay-problem-order-closed = Pesanan #{ $order } untuk penawaran ini sudah dibayar atau ditutup. Cek /pesanan.
pay-problem-in-progress = QRIS sedang dibuat, tunggu sebentar ya.
pay-problem-gateway = Gateway pembayaran sedang bermasalah. Tekan Bayar lagi sebentar lagi; kamu belum ditagih.

payment-received = ✅ Pembayaran <b>{ $amount }</b> untuk pesanan <b>#{ $order }</b> sudah diterima. Pesanan sedang diteruskan ke supplier.
payment-credited = 💰 Pembayaran <b>{ $amount }</b> masuk setelah pesanan #{ $order } sudah dibayar, jadi dananya kami masukkan ke saldo dompetmu. Cek /saldo.
payment-expired = ⌛ Tagihan pesanan #{ $order } sudah kedaluwarsa dan tidak ditagih. Kirim lagi pesananmu kalau masih mau.
payment-failed = Pembayaran pesanan #{ $order } dibatalkan oleh penyedia pembayaran. Kamu belum ditagih.
order-processing = 🚀 Pesanan <b>#{ $order }</b> sedang diproses. Kami kabari lagi saat selesai. Cek status kapan saja dengan /pesanan.
order-started = ⏳ Pesanan <b>#{ $order }</b> mulai dikerjakan.
order-completed = 🎉 Pesanan <b>#{ $order }</b> selesai! Terima kasih sudah belanja.
order-completed-note = 🎉 Pesanan <b>#{ $order }</b> selesai! Keterangan: <code>{ $note }</code>
order-partial = Pesanan <b>#{ $order }</b> hanya terkirim sebagian ({ $remains } belum terkirim). <b>{ $amount }</b> dikembalikan ke saldo dompetmu (/saldo).
order-canceled = Pesanan <b>#{ $order }</b> dibatalkan oleh supplier. <b>{ $amount }</b> dikembalikan penuh ke saldo dompetmu (/saldo).
order-refunded = Maaf, pesanan <b>#{ $order }</b> tidak bisa diproses: { $reason ->
        [invalid_link] link atau target tidak diterima supplier
        [quantity_range] jumlahnya di luar batas supplier
        [duplicate_active_link] masih ada pesanan aktif untuk link yang sama
        [invalid_service] layanan sedang tidak tersedia
       *[other] supplier sedang tidak bisa memproses pesanan
    }. <b>{ $amount }</b> sudah dikembalikan ke saldo dompetmu (/saldo).
order-checking = Pesanan <b>#{ $order }</b> sedang kami cek manual dengan supplier. Tenang, pembayaranmu aman — admin akan memastikan pesanan diproses atau dananya dikembalikan.

balance = 💰 Saldo dompet: <b>{ $amount }</b>
ledger-recent = <b>Transaksi terakhir</b>
ledger-line = { $when } · { $amount } · { $reason } (pesanan #{ $order })
ledger-reason-refund = pengembalian dana
ledger-reason-topup = isi saldo
ledger-reason-adjustment = penyesuaian

orders-none = Kamu belum punya pesanan. Ketik layanan yang kamu cari untuk mulai.
orders-title = <b>Pesanan terakhir</b>
order-line = <b>#{ $order }</b> · { $status }
    { $quantity } → { $target }
    { $amount } · { $when }
order-status-awaiting_payment = menunggu pembayaran
order-status-paid = sudah dibayar
order-status-placing = diteruskan ke supplier
order-status-processing = diproses
order-status-completed = selesai ✅
order-status-partial = sebagian (sisa dikembalikan)
order-status-canceled = dibatalkan (dana dikembalikan)
order-status-unknown = dicek admin
order-status-refunded = dana dikembalikan
order-status-expired = kedaluwarsa
order-status-manual = diproses manual oleh admin

language-pick = Pilih bahasa / Choose your language:
language-set = Bahasa diganti ke Bahasa Indonesia 🇮🇩

admin-amount-mismatch = ⚠️ Nominal pembayaran tidak cocok untuk tagihan { $reference } (pesanan #{ $order }): seharusnya { $expected }, diterima { $received }. Pesanan TIDAK diproses; mohon dicek.
admin-order-rejected = ⚠️ Supplier menolak pesanan #{ $order }: { $message }. Dana sudah dikembalikan ke saldo pelanggan.
admin-order-unknown = 🚨 Hasil pesanan #{ $order } di supplier tidak pasti ({ $reason }). Jangan kirim ulang sebelum dicek di panel supplier.
admin-order-manual = 📝 Pesanan #{ $order } menunggu diproses manual.
admin-order-failover = 🔁 Pesanan #{ $order } dipindah ke supplier cadangan (ID { $mid }) karena: { $reason }

fact-limits = min { $min } · maks { $max }
fact-refill = bergaransi refill
fact-refill-days = garansi refill { $days } hari
fact-refill-lifetime = garansi refill selamanya
fact-no-refill = tanpa refill
fact-speed = kecepatan { $speed }
fact-per-day = /hari
ask-player-id = Kirim <b>ID pemain</b> { $game } kamu. Contoh: <code>123456789</code>
ask-player-id-zone = Kirim <b>ID pemain</b> dan <b>Zone/Server ID</b> { $game }. Contoh: <code>12345678 (1234)</code>
ask-phone = Kirim <b>nomor HP</b> tujuan. Contoh: <code>081234567890</code>
ask-customer-no = Kirim <b>nomor pelanggan</b> / ID meter. Contoh: <code>12345678901</code>
problem-player-id = ID pemain belum benar: kirim angka ID yang tertera di profil game.
problem-zone-missing = Game ini butuh <b>Zone/Server ID</b> juga, contoh: <code>12345678 (1234)</code>.
problem-phone = Nomor HP belum benar: kirim nomor yang diawali 08 atau +62.
problem-customer-no = Nomor pelanggan belum benar: kirim 6–20 angka.
problem-account-not-found = Akun dengan ID itu tidak ditemukan di game. Cek lagi ID (dan Zone ID) kamu.
admin-catalog-sync = 🔄 Katalog { $provider } diperbarui: { $imported } baru, { $removed } dihapus supplier, { $repriced } ganti harga, { $skipped } baris dilewati.
admin-catalog-below-cost = ⛔ { $count } layanan { $provider } dihentikan karena harga tetapnya kini di bawah modal supplier: ID { $mids }. Ubah harganya untuk menjual lagi.
admin-catalog-sync-failed = ⚠️ Katalog { $provider } gagal diperbarui: { $message }. Katalog lama tetap dipakai.

button-pay-wallet = 👛 Bayar pakai saldo ({ $balance })
button-pay-stars = ⭐ Bayar dengan Telegram Stars ({ $stars })
pay-problem-balance = Saldo dompetmu { $balance }, kurang untuk total { $amount } (kurang { $missing }), jadi belum ada pesanan yang dibuat. Pilih cara bayar lain di bawah, atau isi saldo dulu dengan /topup.
payment-received-wallet = ✅ Pesanan <b>#{ $order }</b> dibayar pakai saldo ({ $amount }). Pesanan sedang diteruskan ke supplier.
payment-received-stars = ✅ Pembayaran { $stars } ⭐ untuk pesanan <b>#{ $order }</b> sudah diterima. Pesanan sedang diteruskan ke supplier.
stars-refused-unknown = Tagihan ini tidak dikenal.
stars-refused-price = Harga tagihan sudah berubah. Buat pesanan lagi.
stars-refused-expired = Tagihan ini sudah kedaluwarsa. Buat pesanan lagi.
stars-refunded-late = Pembayaran { $stars } ⭐ untuk pesanan #{ $order } masuk setelah tagihannya ditutup, jadi Stars-nya kami kembalikan.
order-refunded-stars = Pesanan <b>#{ $order }</b> tidak bisa diproses. Pembayaran Telegram Stars-mu dikembalikan penuh.
paysupport = <b>Bantuan pembayaran</b>
    Ada masalah dengan pembayaran? Kirim nomor pesanan kamu (lihat /pesanan) dan admin akan membantu. Pesanan yang gagal diproses otomatis dikembalikan: QRIS dan saldo ke dompet (/saldo), Telegram Stars ke akun Telegram-mu.
topup-ask = Mau isi saldo berapa? Pilih nominal di bawah atau ketik misalnya <code>/topup 75000</code>.
topup-out-of-range = Nominal isi saldo minimal { $min } dan maksimal { $max }.
topup-caption = 👛 <b>Isi saldo</b>
    Total: <b>{ $total }</b>
    Bayar sebelum <b>{ $until }</b> ({ $minutes } menit). Saldo masuk otomatis setelah pembayaran diterima.
topup-received = 👛 Isi saldo <b>{ $amount }</b> berhasil. Cek /saldo.
payment-late-credited = 💰 Pembayaran <b>{ $amount }</b> untuk pesanan #{ $order } masuk setelah tagihannya kedaluwarsa, jadi dananya kami masukkan ke saldo dompetmu. Kamu bisa memakainya untuk pesanan berikutnya (/saldo).
admin-stars-unknown = ⚠️ Ada pembayaran Telegram Stars untuk tagihan yang tidak dikenal (charge { $charge }). Mohon dikembalikan manual.
admin-order-stuck = ⏰ Pesanan #{ $order } tidak ada kemajuan selama { $hours } jam (status supplier: { $status }). Mohon dicek.
ledger-reason-purchase = pembelian

orders-footer = Pesanan { $from }–{ $to } dari { $total }. Tekan nomor pesanan untuk detail.
button-older = Lebih lama »
button-newer = « Lebih baru
button-all-orders = « Semua pesanan
button-refresh = 🔄 Perbarui status
button-refill = ♻️ Minta refill
button-cancel-order = ✖️ Batalkan pesanan
order-not-found = Pesanan tidak ditemukan.
order-refreshed = Status diperbarui
order-detail = 📦 <b>Pesanan #{ $order }</b> · { $status }
    Layanan: { $service }
    { $target }
    Jumlah: { $quantity } · { $amount }
    Dibuat: { $when }
order-progress = Terkirim: <b>{ $delivered }</b> dari { $quantity }
order-note = Keterangan: <code>{ $note }</code>
order-cancel-pending = Permintaan pembatalan sudah dikirim ke supplier; dana dikembalikan begitu supplier membatalkannya.
order-refill-status = Refill terakhir: { $status } ({ $when })
refill-status-requested = diminta
refill-status-pending = menunggu
refill-status-in_progress = diproses
refill-status-completed = selesai
refill-status-rejected = ditolak
refill-requested = ♻️ Refill untuk pesanan #{ $order } sudah diminta ke supplier. Kami kabari saat selesai.
refill-completed = ♻️ Refill pesanan <b>#{ $order }</b> selesai.
refill-rejected = Refill pesanan #{ $order } ditolak supplier. Hubungi admin kalau jumlahnya masih kurang.
cancel-requested = Permintaan batal untuk pesanan #{ $order } dikirim ke supplier. Dana dikembalikan ke saldo begitu supplier membatalkannya.
aftercare-not-found = Pesanan tidak ditemukan.
aftercare-refill-not-offered = Layanan ini tidak bergaransi refill.
aftercare-refill-not-yet = Refill bisa diminta setelah pesanan selesai.
aftercare-refill-expired = Masa garansi refill pesanan ini sudah habis.
aftercare-refill-in-progress = Refill untuk pesanan ini masih berjalan.
aftercare-cancel-not-offered = Layanan ini tidak bisa dibatalkan.
aftercare-cancel-too-late = Pesanan ini sudah tidak bisa dibatalkan.
aftercare-supplier-refused = Supplier menolak permintaan: { $message }
aftercare-supplier-unavailable = Supplier sedang tidak bisa dihubungi. Coba lagi sebentar lagi.
order-refunded-admin = 💰 <b>{ $amount }</b> untuk pesanan #{ $order } dikembalikan ke saldo dompetmu oleh admin (/saldo).
wallet-adjusted = 👛 Saldo dompetmu disesuaikan admin: { $amount }. Saldo sekarang { $balance }.
duplicate-active-order = ⚠️ Masih ada pesanan aktif <b>#{ $order }</b> untuk link dan layanan yang sama. Supplier biasanya menolak pesanan kedua sampai yang pertama selesai. Tunggu dulu, atau tetap pesan?
button-order-anyway = Tetap pesan
duplicate-active-link = ⚠️ Masih ada pesanan aktif untuk link dan layanan yang sama. Supplier biasanya menolak pesanan kedua sampai yang pertama selesai. Tunggu dulu, atau tetap pesan?
order-canceled-admin = Pesanan <b>#{ $order }</b> dibatalkan oleh admin. <b>{ $amount }</b> dikembalikan ke saldo dompetmu (/saldo).
order-manual-wallet = 📝 Admin membuat pesanan <b>#{ $order }</b> untukmu: { $service } × { $quantity }, dibayar dari saldo dompetmu ({ $amount }; saldo sekarang { $balance }). Admin akan memprosesnya dan mengabarimu.
order-manual-external = 📝 Admin membuat pesanan <b>#{ $order }</b> untukmu: { $service } × { $quantity } ({ $amount }, sudah dibayar di luar bot). Admin akan memprosesnya dan mengabarimu.

# Rate limit and hand-off to a person (customers)
rate-limited = Pelan-pelan ya kak 🙏 Pesannya terlalu cepat, tunggu sekitar satu menit lalu kirim lagi.
handoff-opened = 🙋 Oke kak, admin kami akan membalas di sini (nomor #{ $number }). Tulis saja pertanyaanmu; selama itu bot tidak ikut menjawab.
    Ketik /batal atau tekan tombol di bawah untuk kembali ke bot.
handoff-opened-misunderstood = Maaf kak, sepertinya aku belum bisa membantu. 🙋 Admin kami akan membalas di sini (nomor #{ $number }). Tulis saja pertanyaanmu.
    Ketik /batal atau tekan tombol di bawah untuk kembali ke bot.
handoff-already-open = Kamu sudah terhubung dengan admin (#{ $number }). Tulis saja pesanmu, admin akan membalas di sini.
handoff-unavailable = Maaf kak, admin belum bisa dihubungi lewat bot saat ini. Silakan coba lagi nanti.
handoff-button-leave = 🤖 Kembali ke bot
handoff-left = 🤖 Oke, kamu kembali ke bot. Ketik saja layanan yang kamu cari.
handoff-closed = ✅ Admin sudah menyelesaikan percakapan. Bot siap membantu lagi — ketik saja layanan yang kamu cari.
handoff-command-while-open = Kamu sedang terhubung dengan admin (#{ $number }). Tulis pesanmu untuk admin, atau ketik /batal untuk kembali ke bot.
handoff-text-only = Untuk sekarang hanya pesan teks yang bisa diteruskan ke admin. Tulis pesanmu dalam bentuk teks ya.
handoff-not-for-admins = Kamu admin toko: hand-off dipakai pelanggan untuk menghubungi admin.
handoff-admin-says = 🧑‍💼 <b>Admin</b>: { $text }

# Hand-off (admins)
handoff-alert = 🙋 <b>Hand-off #{ $number }</b> — { $customer }
    Alasan: { $reason ->
        [asked] pelanggan minta bicara dengan admin
       *[misunderstood] bot beberapa kali tidak paham
    }

    <b>Percakapan terakhir</b>
    { $transcript }

    ↩️ Reply pesan ini untuk menjawab, atau <code>/balas { $number } teks</code>. Selesai: <code>/selesai { $number }</code>.
handoff-button-end = ✅ Selesai #{ $number }
handoff-relay = 💬 <b>#{ $number }</b> { $customer }:
    { $text }
handoff-closed-by-customer = 🤖 Hand-off #{ $number } ({ $customer }) diakhiri oleh pelanggan; bot melayani lagi.
handoff-admins-only = ⛔ Perintah ini khusus admin toko.
handoff-usage-reply = Cara pakai: <code>/balas nomor teks</code>, misalnya <code>/balas 12 Sudah kami cek ya kak</code>. Atau reply pesan hand-off-nya.
handoff-usage-end = Cara pakai: <code>/selesai nomor</code>, misalnya <code>/selesai 12</code>.
handoff-not-found = Tidak ada hand-off #{ $number }. Lihat yang masih terbuka dengan /handoffs.
handoff-already-closed = Hand-off #{ $number } sudah selesai; pesan tidak dikirim. Lihat yang masih terbuka dengan /handoffs.
handoff-customer-unreachable = Pesan untuk hand-off #{ $number } tidak terkirim: pelanggan memblokir bot atau menghapus chat.
handoff-reply-sent = ✓ Terkirim ke { $customer } (#{ $number })
handoff-ended = ✅ Hand-off #{ $number } selesai. { $customer } sudah diberi tahu bahwa bot melayani lagi.
handoff-ended-toast = Hand-off #{ $number } selesai.
handoff-already-closed-toast = Hand-off #{ $number } sudah selesai sebelumnya.
handoff-list-empty = Tidak ada hand-off yang terbuka.
handoff-list-title = <b>Hand-off terbuka ({ $count })</b>
handoff-list-line = #{ $number } · { $customer } · { $reason ->
        [asked] minta admin
       *[misunderstood] bot tidak paham
    } · sejak { $since }

# Assistant
question-no-answer = Maaf, aku belum punya jawaban pasti untuk itu. Mau aku sambungkan ke admin?
question-related = Mungkin juga membantu:
button-talk-to-admin = 💬 Bicara dengan admin
refill-which-order = Refill untuk pesanan yang mana? Pilih pesanannya di bawah, lalu tekan <b>Refill</b>.
smalltalk-reply = Sama-sama kak 😊 Kalau mau pesan, tulis saja layanan yang dicari (misalnya <i>followers ig</i>).

# Admin chat (/admin), for staff only
admin-menu = 🛠 <b>Admin toko</b>
    Statistik, saldo supplier, sync status, cari pesanan dan hand-off. Semua pengaturan ada di aplikasi admin.
admin-button-stats = 📊 Hari ini
admin-button-balances = 💰 Saldo supplier
admin-button-sync = 🔄 Sync semua pesanan
admin-button-find = 🔎 Cari pesanan
admin-button-handoffs = 🙋 Hand-off terbuka
admin-button-app = 📱 Buka aplikasi admin
admin-stats = 📊 <b>Hari ini</b> (sejak 00.00 WIB)
    Omzet: <b>{ $revenue }</b> · laba: <b>{ $profit }</b>
    Pesanan dibayar: <b>{ $paid }</b>
admin-stats-status = { $status }: { $count }
admin-balances = 💰 <b>Saldo supplier</b>
admin-balances-none = Belum ada supplier aktif.
admin-balance-failed = ⚠️ { $message }
admin-syncing = 🔄 Sedang sync…
admin-sync-done = 🔄 <b>Sync selesai</b>: { $checked } pesanan dicek, { $changed } berubah, { $failed } supplier tidak menjawab.
admin-find-ask = 🔎 Kirim nomor pesanan, misalnya <code>123</code> (atau /batal).
admin-find-invalid = Nomor pesanan berupa angka, misalnya <code>123</code>. Coba lagi, atau /batal.
admin-order-not-found = Pesanan #{ $order } tidak ada.
admin-order = 📦 <b>Pesanan #{ $order }</b> — { $status }
    { $service }
    Target: <code>{ $target }</code>
    Jumlah: { $quantity } · { $amount }
    Pelanggan: { $customer }
    Dibuat: { $created }
admin-order-refunded = Sudah dikembalikan: { $refunded } · sisa: { $left }
admin-button-order-sync = 🔄 Sync pesanan ini
admin-button-order-refund = 💸 Refund penuh
admin-order-synced = Status supplier dicek.
admin-refund-ask = 💸 Refund penuh pesanan #{ $order }: { $amount } ke saldo pelanggan.
    Tulis alasannya (dicatat di log audit), atau /batal.
admin-refund-confirm = 💸 Refund <b>{ $amount }</b> pesanan #{ $order } ke saldo { $customer }?
    Alasan: { $reason }
admin-button-refund-yes = ✅ Ya, refund
admin-button-refund-no = Batal
admin-refund-done = ✅ { $amount } untuk pesanan #{ $order } sudah dikembalikan ke saldo pelanggan.
admin-refund-failed = Refund tidak bisa: { $message }
admin-refund-dropped = Refund dibatalkan.
admin-step-dropped = Oke, dibatalkan.
admin-no-permission = Peranmu tidak boleh melakukan ini.

# Paying and reading orders (chat-pay): wallet short of the total, account lines, paid invoices
wallet-short = 👛 Saldo { $balance } kurang { $missing } untuk bayar pakai saldo — isi dulu dengan /topup.
account-line-link = Target: { $account }
account-line-game_id = ID pemain: { $account }
account-line-phone = Nomor HP: { $account }
account-line-customer_no = Nomor pelanggan: { $account }
account-nickname = Nickname: <b>{ $nickname }</b>
stars-amount = ⭐ { $stars }
stars-refused-paid = Pesanan #{ $order } sudah dibayar ✅ Cek statusnya di /pesanan.
button-view-order = ✅ Sudah dibayar · lihat pesanan #{ $order }
topup-expired = ⌛ QRIS isi saldo { $amount } sudah kedaluwarsa dan tidak ditagih. Ketik /topup kalau masih mau isi saldo.
stars-invoice-title = Pesanan #{ $order }
stars-invoice-description = { $service } × { $quantity }

# admin-catalog: new services of a later supplier wait for review
admin-catalog-review = 🆕 { $count } layanan baru { $provider } disembunyikan untuk ditinjau, agar pelanggan tidak melihat layanan kembar. Buka aplikasi admin → Layanan → Menunggu tinjauan: jual, sembunyikan, atau jadikan cadangan.
## chat-find: result pages, refund questions, short answers to greetings and unreadable messages
button-previous = « Sebelumnya
service-list-footer-range = Menampilkan { $from }–{ $to } dari { $total }. Pilih dengan tombol atau ketik nomornya, misalnya <i>ID 12</i>.
results-outdated = Daftar ini sudah lama. Ketik lagi layanan yang kamu cari ya.
refund-order-title = 💸 <b>Refund pesanan #{ $order }</b>
refund-orders-title = <b>Pesananmu:</b>
refund-orders-none = Saat ini tidak ada pesananmu yang dibatalkan, terkirim sebagian, atau masih berjalan, jadi tidak ada dana yang perlu dikembalikan.
refund-orders-more = …dan { $count } pesanan lain (/pesanan).
refund-line = • <b>#{ $order }</b> ({ $status }): { $state }
refund-state-refunded = { $amount } dari { $paid } sudah kembali ke saldo dompetmu (/saldo).
refund-state-refunded-stars = dikembalikan penuh sebagai Telegram Stars.
refund-state-running = masih berjalan. Kalau dibatalkan atau hanya terkirim sebagian, sisanya otomatis kembali ke saldo dompetmu.
refund-state-checking = admin sedang memastikan statusnya di supplier; yang tidak terkirim dikembalikan ke saldo dompetmu.
refund-state-delivered = sudah terkirim penuh, jadi tidak ada refund. Kalau jumlahnya turun, minta refill dari detail pesanan.
refund-state-unpaid = belum dibayar, jadi tidak ada dana yang perlu dikembalikan.
refund-ask-person = Ada yang belum beres? Admin kami bisa membantu.
button-order-number = 📦 #{ $order }
greeting-hint = Halo, <b>{ $name }</b>! 👋 Tulis saja yang kamu cari, misalnya <i>followers ig</i> atau <i>diamond ml 86</i>. Menu: /start
not-understood-short = Maaf, aku belum paham 🙏 Coba tulis yang kamu cari, misalnya <i>followers instagram 1000</i>. Menu: /start
button-all-platforms = Semua platform ({ $count }) »
# fulfilment: supplier out of funds, low balance, manual order progress
order-waiting-funds = ⏳ Pesanan <b>#{ $order }</b> sedang diproses dan masuk antrean di supplier. Pembayaranmu aman — kami kabari begitu pesanan berjalan.
order-status-waiting_funds = sedang diproses (antre)
admin-supplier-out-of-funds = 💸 Saldo supplier <b>{ $supplier }</b> habis (pesanan #{ $order }). Isi saldonya: pesanan yang menunggu dikirim otomatis begitu saldo cukup, atau dikembalikan ke pelanggan setelah batas waktu di Pengaturan.
admin-supplier-funds-back = ✅ Saldo supplier <b>{ $supplier }</b> cukup lagi: { $count } pesanan yang menunggu dikirim ulang.
admin-supplier-low-balance = ⚠️ Saldo supplier <b>{ $supplier }</b> tinggal { $balance }, di bawah batas { $threshold }. Isi saldo sebelum pesanan mulai menunggu.
admin-order-funds-refunded = 💰 Pesanan #{ $order } menunggu saldo supplier terlalu lama: { $amount } dikembalikan ke pelanggan.
order-progress-manual = 🔄 Pesanan <b>#{ $order }</b> sedang dikerjakan{ $remains ->
        [none] .
       *[other] : sisa { $remains }.
    }
# admin-polish: wallet history lines, one sentence per kind of entry (wallet.entry-kind.ts)
ledger-line-order = { $when } · { $amount } · { $reason } (pesanan #{ $order })
ledger-line-plain = { $when } · { $amount } · { $reason }
ledger-entry-topup_qris = isi saldo lewat QRIS
ledger-entry-payment_late = pembayaran setelah tagihan kedaluwarsa, masuk ke saldo
ledger-entry-payment_twice = pembayaran kedua untuk pesanan yang sudah dibayar, masuk ke saldo
ledger-entry-purchase = pembelian
ledger-entry-adjustment = penyesuaian oleh admin
ledger-entry-refund_admin = pengembalian dana oleh admin
ledger-entry-refund_partial = pengembalian dana: { $remains } dari { $quantity } tidak terkirim
ledger-entry-refund_supplier_canceled = pengembalian dana: pesanan dibatalkan pemasok
ledger-entry-refund_admin_partial = pengembalian dana: sebagian tidak terkirim
ledger-entry-refund_admin_canceled = pengembalian dana: pesanan dibatalkan
ledger-entry-refund_not_placed = pengembalian dana: pemasok tidak bisa memproses
ledger-entry-refund = pengembalian dana
# currency: supplier currency held off sale, quote-time below-cost guard
admin-supplier-currency-mismatch = ⛔ { $provider } melaporkan harganya dalam { $reported }, tetapi diatur sebagai { $configured }. Tidak ada yang diimpor atau dijual darinya sampai ini diperbaiki: atur mata uangnya ke { $reported } (dan kursnya ke rupiah) di aplikasi, atau dengan npm run cli -- provider edit "{ $provider }" --currency { $reported } --rate …, lalu impor lagi katalognya.
admin-supplier-currency-no-rate = ⛔ { $provider } memakai harga dalam { $configured } dan belum punya kurs ke rupiah. Tidak ada yang diimpor atau dijual darinya sampai kursnya diisi: atur kurs di aplikasi, atau dengan npm run cli -- provider edit "{ $provider }" --rate 16250 (rupiah per 1 { $configured }).
admin-supplier-currency-unverified = ⚠️ { $provider } tidak bisa ditanya mata uang harganya. Tidak ada yang diimpor atau dijual darinya sampai ia menjawab: cek URL dan key-nya, lalu uji koneksinya.
admin-supplier-currency-needs-import = ✅ Mata uang { $provider } sekarang cocok. Layanannya masih berharga dari pengaturan lama: impor lagi katalognya agar harganya dihitung ulang dan dijual kembali.
admin-supplier-currency-ok = ✅ { $provider } memakai { $configured } sesuai laporannya: layanannya dijual lagi.
admin-quote-below-cost = ⛔ Pelanggan ditolak saat meminta harga ID { $mid } ({ $name }, { $quantity }): { $price } tidak lagi menutup biaya supplier saat ini { $cost } ditambah laba minimum { $profit }. Perbarui harganya (impor lagi katalog supplier, atau ubah harga atau marginnya).
admin-quote-cost-unknown = ⛔ Pelanggan ditolak saat meminta harga ID { $mid } ({ $name }): biaya supplier dalam rupiah tidak bisa dihitung sekarang (mata uang atau kurs perlu diperbaiki). Cek suppliernya di aplikasi.
problem-price-outdated = Maaf, harga ID { $mid } sedang diperbarui, jadi belum bisa dipesan saat ini. Silakan coba lagi sebentar lagi atau pilih layanan lain. Belum ada biaya yang ditagih.
# Service types (service-types): the extra inputs each SMM order type needs, their problems, and how they read in quotes and orders
ask-input-comments = Kirim <b>komentarnya</b>, satu komentar per baris ({ $min }–{ $max } baris; jumlah = banyaknya baris).
    Contoh:
    <code>Mantap kak!
    Keren banget 🔥</code>
ask-input-comments-package = Kirim <b>komentarnya</b> untuk paket ini, satu komentar per baris (maksimal { $max } baris).
ask-input-usernames = Kirim <b>username</b> yang di-mention, satu per baris. Contoh: <code>@budi</code>
ask-input-usernames-list = Kirim <b>daftar username</b> yang di-mention, satu per baris ({ $min }–{ $max } username; jumlah = banyaknya username).
ask-input-hashtags = Kirim <b>hashtag</b>nya, dipisah spasi. Contoh: <code>#kuliner #jakarta</code>
ask-input-hashtag = Kirim <b>satu hashtag</b> sumber akun yang di-mention. Contoh: <code>#kuliner</code>
ask-input-username-followers = Kirim <b>username</b> yang followers-nya akan di-mention. Contoh: <code>@budi</code>
ask-input-username-comment = Kirim <b>username pemilik komentar</b> yang dituju. Contoh: <code>@budi</code>
ask-input-media = Kirim <b>link postingan</b> yang likers-nya akan di-mention.
ask-input-keywords = Kirim <b>kata kunci</b> pencarian, satu per baris.
ask-input-answerNumber = Nomor <b>jawaban polling</b> yang mau divote? (1 = pilihan pertama, 2 = kedua, …)
ask-input-perPost = Berapa <b>per postingan</b>? Kirim rentang min–max antara { $min } dan { $max }. Contoh: <code>{ $min }-{ $max }</code>
ask-input-posts = Untuk berapa <b>postingan baru</b>? (1–1.000; dibayar di muka untuk jumlah maksimal per postingan)
ask-input-delay = Jeda berapa <b>menit</b> setelah posting baru? Pilih: { $allowed }
ask-input-expiry = Sampai <b>tanggal</b> berapa langganan berlaku? Format <code>31/12/2026</code>, atau ketik <code>-</code> kalau sampai postingannya habis.
ask-dripfeed = ⏱ <b>Kirim bertahap</b>: berapa <b>kali</b> kirim { $quantity }, dan jeda berapa <b>menit</b>? Contoh: <code>5x30</code> = 5 kali, tiap 30 menit (2–100 kali, jeda 1–1.440 menit).
problem-lines-comments = Ada { $count } baris komentar; layanan ini menerima <b>{ $min }–{ $max }</b> baris.
problem-lines-usernames = Ada { $count } username; layanan ini menerima <b>{ $min }–{ $max }</b>.
problem-lines-keywords = Ada { $count } kata kunci; maksimal <b>{ $max }</b>.
problem-input-comments = Ada komentar yang terlalu panjang (maksimal { $max } karakter per baris).
problem-input-usernames = Ada username yang tidak valid: pakai huruf, angka, titik atau garis bawah, satu per baris.
problem-input-hashtags = Hashtag belum benar: pakai huruf, angka atau garis bawah, misalnya <code>#kuliner</code>.
problem-input-hashtag = Hashtag belum benar: kirim satu hashtag, misalnya <code>#kuliner</code>.
problem-input-username = Username belum benar: pakai huruf, angka, titik atau garis bawah, misalnya <code>@budi</code>.
problem-input-media = Link postingan belum benar: kirim link lengkap postingannya (https://…).
problem-input-keywords = Ada kata kunci yang terlalu panjang (maksimal { $max } karakter).
problem-input-answerNumber = Nomor jawaban harus angka { $min }–{ $max }.
problem-input-perPost = Rentang per postingan harus di antara <b>{ $min }</b> dan <b>{ $max }</b> (min tidak lebih dari max), misalnya <code>{ $min }-{ $max }</code>.
problem-input-posts = Jumlah postingan harus angka { $min }–{ $max }.
problem-input-delay = Jeda itu tidak tersedia. Pilih salah satu (menit): { $allowed }
problem-input-expiry = Tanggal berakhir belum benar: pakai format <code>31/12/2026</code> dengan tanggal setelah hari ini, atau <code>-</code> untuk tanpa batas.
problem-input-runs = Kirim bertahap harus { $min }–{ $max } kali.
problem-input-interval = Jeda kirim bertahap harus { $min }–{ $max } menit.
problem-dripfeed-not-offered = Layanan ini tidak bisa dikirim bertahap.
extra-comments = Komentar ({ $count }): { $list }
extra-usernames = Username ({ $count }): { $list }
extra-hashtags = Hashtag: { $list }
extra-username = Username: { $value }
extra-media = Postingan sumber: { $value }
extra-keywords = Kata kunci: { $list }
extra-answer = Jawaban polling: nomor <b>{ $value }</b>
extra-subscription = Langganan { $username }: { $min }–{ $max } per postingan, { $posts } postingan, jeda { $delay } menit, berlaku { $expiry }
extra-no-expiry = sampai postingan habis
extra-until = sampai { $date }
extra-dripfeed = Bertahap: { $runs } × { $quantity }, tiap { $interval } menit (total { $total })
button-dripfeed = ⏱ Kirim bertahap
button-dripfeed-off = Kirim sekaligus
