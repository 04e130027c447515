/**
 * The sandbox page: chat with the bot as a customer (text, buttons, QR photos, edits) and play the
 * customer's banking app by paying open QRIS invoices. Plain HTML and fetch polling, no build step.
 * Indonesian like the shop's customers, with an English switch (kept in localStorage).
 *
 * The chat follows the emulator's revisions: each poll sends `since` (the newest revision this page
 * has) and gets what changed after it plus the new `cursor`. Toasts arrive once, and only for
 * changes after the page opened.
 */
export interface SandboxPageOptions {
  /** How long a supplier order takes, as a range in seconds (from the simulators' actual pace). */
  orderSeconds: { from: number; to: number };
}

/** The page's own words; the bot's messages keep the customer's language. */
export const PAGE_TEXTS = {
  id: {
    title: "Toko sandbox",
    chattingAs: "chat sebagai",
    customer: "Pelanggan",
    admin: "🛠️ Admin",
    adminLong: "🛠️ Buka aplikasi admin (sebagai pemilik toko)",
    placeholder: "Tulis pesan… (mis. mau beli followers instagram)",
    send: "Kirim",
    invoicesTitle: "💳 Tagihan QRIS (simulator Midtrans)",
    noInvoices: "Belum ada tagihan.",
    invoicesHelp:
      '"Bayar" berperan sebagai aplikasi bank pelanggan: Midtrans melunasi QR dan mengirim notifikasi bertanda tangan ke toko.',
    pay: "Bayar",
    ordersTitle: "📦 Pesanan ke supplier (simulator panel SMM)",
    noOrders: "Belum ada pesanan ke supplier.",
    ordersHelp:
      'Pesanan berjalan Pending → In progress → Completed dalam sekitar {from}–{to} detik. Link yang berisi "partial" atau "cancel" berakhir seperti itu.',
    order: "pesanan",
    service: "layanan",
    tryTitle: "Coba",
    payStars: "Bayar {amount} ⭐ (Telegram Stars)",
    starsPaid: "⭐ {amount} Stars dibayar",
    paidWithStars: "Dibayar dengan Stars",
    starsReceipt: "✅ Struk: {amount} ⭐ sudah dibayar",
    photo: "foto",
    status: {
      pending: "menunggu",
      settlement: "lunas",
      expire: "kedaluwarsa",
      cancel: "batal",
      deny: "ditolak",
    } as Record<string, string>,
  },
  en: {
    title: "Sandbox shop",
    chattingAs: "chatting as",
    customer: "Customer",
    admin: "🛠️ Admin",
    adminLong: "🛠️ Open the admin app (as the shop owner)",
    placeholder: "Type a message… (e.g. mau beli followers instagram)",
    send: "Send",
    invoicesTitle: "💳 QRIS invoices (Midtrans simulator)",
    noInvoices: "No invoices yet.",
    invoicesHelp:
      '"Pay" acts as the customer\'s banking app: Midtrans settles the QR and sends its signed notification to the shop.',
    pay: "Pay",
    ordersTitle: "📦 Supplier orders (SMM panel simulator)",
    noOrders: "No supplier orders yet.",
    ordersHelp:
      'Orders go Pending → In progress → Completed in about {from}–{to} s. A link containing "partial" or "cancel" ends that way.',
    order: "order",
    service: "service",
    tryTitle: "Try",
    payStars: "Pay {amount} ⭐ (Telegram Stars)",
    starsPaid: "⭐ {amount} Stars paid",
    paidWithStars: "Paid with Stars",
    starsReceipt: "✅ Receipt: {amount} ⭐ paid",
    photo: "photo",
    status: { settlement: "paid", expire: "expired" } as Record<string, string>,
  },
};

export function renderSandboxPage(options: SandboxPageOptions): string {
  const texts = JSON.stringify(PAGE_TEXTS).replace(/</g, "\\u003c");
  const pace = JSON.stringify(options.orderSeconds);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox — chat dengan bot toko</title>
<style>
  :root { --bg:#e7ebf0; --panel:#fff; --bot:#fff; --me:#d9fdd3; --accent:#2481cc; --muted:#707579; }
  * { box-sizing: border-box; }
  html, body { height: 100%; }
  body { margin:0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color:#111; display:flex; flex-direction:column; }
  header { background: var(--accent); color:#fff; padding:8px 16px; display:flex; gap:10px; align-items:center; flex-wrap:nowrap; min-width:0; }
  header h1 { font-size:17px; margin:0; flex:1; min-width:0; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
  header select, header button { font:inherit; font-size:14px; padding:4px 6px; border-radius:6px; border:0; }
  header button { background:rgba(255,255,255,.2); color:#fff; cursor:pointer; }
  header a { color:#fff; white-space:nowrap; }
  header label { white-space:nowrap; }
  .short { display:none; }
  main { display:grid; grid-template-columns: minmax(0, 1fr) 320px; gap:12px; padding:12px; width:100%; max-width:1200px; margin:0 auto; flex:1; min-height:0; }
  #chat { background: var(--panel); border-radius:12px; display:flex; flex-direction:column; min-height:0; }
  #log { flex:1; overflow-y:auto; padding:12px; background:#dfe7ee; border-radius:12px 12px 0 0; }
  .msg { max-width: 78%; margin:6px 0; padding:8px 10px; border-radius:12px; white-space:pre-wrap; word-wrap:break-word; box-shadow: 0 1px 1px rgba(0,0,0,.08); }
  .bot { background: var(--bot); }
  .user { background: var(--me); margin-left:auto; }
  .msg img { max-width: 240px; display:block; border-radius:8px; margin-bottom:6px; background:#fff; }
  .kb { display:grid; gap:4px; margin-top:6px; }
  .kb-row { display:flex; gap:4px; }
  .kb button { flex:1; border:0; background:#eef4fa; color: var(--accent); padding:7px 6px; border-radius:8px; cursor:pointer; font: inherit; font-size:14px; }
  .kb button:hover { background:#dcebf7; }
  form { display:flex; gap:8px; padding:10px; border-top:1px solid #e3e3e3; }
  form input { flex:1; min-width:0; font:inherit; padding:10px 12px; border:1px solid #ccd; border-radius:20px; }
  form button { font:inherit; border:0; background: var(--accent); color:#fff; border-radius:20px; padding:0 18px; cursor:pointer; }
  aside { display:flex; flex-direction:column; gap:12px; min-height:0; overflow-y:auto; }
  .card { background: var(--panel); border-radius:12px; padding:12px; }
  .card h2 { font-size:15px; margin:0 0 8px; }
  .row { display:flex; justify-content:space-between; align-items:center; gap:8px; padding:6px 0; border-top:1px solid #f0f0f0; font-size:14px; }
  .row button { border:0; border-radius:6px; background:#2e7d32; color:#fff; padding:5px 10px; cursor:pointer; }
  .muted { color: var(--muted); font-size:13px; }
  .stars { margin-top:6px; border:0; border-radius:8px; background:#f5b301; color:#222; padding:8px 10px; cursor:pointer; font: inherit; }
  .toast { position:fixed; left:50%; top:70px; transform:translateX(-50%); background:#333; color:#fff; padding:10px 16px; border-radius:8px; display:none; max-width:80%; z-index:5; }
  @media (max-width: 820px) {
    main { grid-template-columns: 1fr; flex:none; }
    #log { height: 60vh; flex:none; }
    .long { display:none; }
    .short { display:inline; }
  }
  @media (max-width: 480px) {
    header { padding:8px 10px; gap:6px; }
    header h1 { font-size:15px; }
    header .who { display:none; }
    header select { max-width:120px; }
    header label .caption { display:none; }
    main { padding:8px; gap:8px; }
  }
</style>
</head>
<body>
<header>
  <h1>🛍️ <span data-t="title"></span><span class="who"> — <span data-t="chattingAs"></span> <span id="who"></span></span></h1>
  <label><span class="caption" data-t="customer"></span> <select id="user"></select></label>
  <a href="admin" target="_blank" rel="noopener"><span class="long" data-t="adminLong"></span><span class="short" data-t="admin"></span></a>
  <button id="lang" type="button" title="Bahasa / Language"></button>
</header>
<main>
  <section id="chat">
    <div id="log" aria-live="polite"></div>
    <form id="send"><input id="text" autocomplete="off"><button data-t="send"></button></form>
  </section>
  <aside>
    <div class="card" id="invoices-card"><h2 data-t="invoicesTitle"></h2><div id="invoices" class="muted"></div>
      <p class="muted" data-t="invoicesHelp"></p></div>
    <div class="card" id="orders-card"><h2 data-t="ordersTitle"></h2><div id="orders" class="muted"></div>
      <p class="muted" id="orders-help"></p></div>
    <div class="card"><h2 data-t="tryTitle"></h2><div class="muted">mau beli followers instagram · saya pilih ID 2 · https://instagram.com/budi 1000 · ya · top up ML 86 diamond 12345678 (1234) · pulsa telkomsel 10000 · /saldo · /pesanan · /bahasa</div></div>
  </aside>
</main>
<div class="toast" id="toast" role="status"></div>
<script>
const TEXTS = ${texts};
const PACE = ${pace};
const base = location.pathname.replace(/\\/$/, "");
const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem("sandbox.lang") === "en" ? "en" : "id";
let user = Number(new URLSearchParams(location.search).get("user")) || 0;
let since = 0;
const messages = new Map();
const shownToasts = new Set();
let lastInvoices = [], lastOrders = [];

const t = (key, vars) => String(TEXTS[lang][key]).replace(/\\{(\\w+)\\}/g, (_, name) => String(vars?.[name] ?? ""));
function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("text").placeholder = t("placeholder");
  $("orders-help").textContent = t("ordersHelp", PACE);
  $("lang").textContent = lang === "id" ? "EN" : "ID";
  renderPanels();
  render();
}

async function api(path, body) {
  const res = await fetch(base + path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined);
  return res.json();
}
function toast(text) {
  if (!text) return;
  const el = $("toast"); el.textContent = text; el.style.display = "block";
  clearTimeout(toast.t); toast.t = setTimeout(() => (el.style.display = "none"), 3500);
}
// The chat follows new messages unless the person scrolled up to read; a QR photo that loads later
// keeps it at the bottom too.
let stick = true;
const nearBottom = (log) => log.scrollHeight - log.scrollTop - log.clientHeight < 40;
function follow() { if (stick) $("log").scrollTop = $("log").scrollHeight; }
function render() {
  const log = $("log");
  const top = log.scrollTop;
  log.innerHTML = "";
  for (const m of [...messages.values()].sort((a, b) => a.message_id - b.message_id)) {
    if (m.deleted) continue;
    const div = document.createElement("div");
    div.className = "msg " + m.from;
    div.dataset.messageId = m.message_id;
    if (m.photo) { const img = document.createElement("img"); img.src = base + "/chat/files/" + encodeURIComponent(m.photo); img.alt = t("photo"); img.onload = follow; div.appendChild(img); }
    if (m.text) { const body = document.createElement("div"); body.innerHTML = m.from === "bot" ? m.text.replace(/<(?!\\/?(b|i|u|s|code|pre|a)\\b)/g, "&lt;") : escapeHtml(m.text); div.appendChild(body); }
    if (m.invoice) {
      const pay = document.createElement("button"); pay.className = "stars";
      pay.textContent = t("payStars", { amount: m.invoice.amount });
      pay.onclick = () => api("/chat/api/pay-invoice", { user, messageId: m.message_id }).then((r) => toast(r.ok ? t("paidWithStars") : r.error));
      // Telegram shows the payer a receipt where the Pay button was.
      if (m.invoice.paid) { pay.textContent = t("starsReceipt", { amount: m.invoice.amount }); pay.disabled = true; }
      div.appendChild(pay);
    }
    if (m.successfulPayment) div.textContent = t("starsPaid", { amount: m.successfulPayment.amount });
    if (m.buttons && m.buttons.length) {
      const kb = document.createElement("div"); kb.className = "kb";
      for (const row of m.buttons) {
        const r = document.createElement("div"); r.className = "kb-row";
        for (const b of row) {
          const btn = document.createElement("button"); btn.textContent = b.text;
          btn.onclick = () => b.callback_data ? api("/chat/api/press", { user, messageId: m.message_id, data: b.callback_data }).then((r) => (r.error && toast(r.error), poll())) : b.url && window.open(b.url);
          r.appendChild(btn);
        }
        kb.appendChild(r);
      }
      div.appendChild(kb);
    }
    log.appendChild(div);
  }
  if (stick) follow(); else log.scrollTop = top;
}
function escapeHtml(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;"); }

// One poll at a time: two in flight would both fetch the same changes (and show a toast twice).
let polling = null, pollAgain = false;
function poll() {
  if (polling) { pollAgain = true; return polling; }
  polling = pollOnce().finally(() => { polling = null; if (pollAgain) { pollAgain = false; poll(); } });
  return polling;
}
async function pollOnce() {
  try {
    const asked = user;
    const state = await api("/chat/api/state?user=" + user + "&since=" + since);
    if (asked !== user) return; // the person switched customers meanwhile
    if (!$("user").options.length) {
      for (const u of state.users) $("user").add(new Option(u.first_name + " (" + u.language_code + ")", u.id));
      if (!user) user = state.user; // the server answered for its first customer
      $("user").value = String(user);
    }
    $("who").textContent = $("user").selectedOptions[0]?.textContent ?? "";
    // A cursor behind ours means the sandbox started over with other chats: start over too.
    if (state.cursor < since) { since = 0; messages.clear(); render(); return poll(); }
    for (const m of state.messages) messages.set(m.message_id, m);
    for (const n of state.toasts) if (!shownToasts.has(n.callbackId)) { shownToasts.add(n.callbackId); toast(n.text); }
    if (state.messages.length) render();
    since = state.cursor;
  } catch (e) { /* server restarting */ }
}
function renderPanels() {
  $("invoices").innerHTML = lastInvoices.length ? "" : t("noInvoices");
  for (const inv of lastInvoices.slice(0, 8)) {
    const row = document.createElement("div"); row.className = "row";
    row.innerHTML = "<span>" + escapeHtml(inv.order_id) + "<br><b>Rp " + inv.gross_amount.toLocaleString("id-ID") + "</b> · " + escapeHtml(TEXTS[lang].status[inv.status] ?? inv.status) + "</span>";
    if (inv.status === "pending") { const b = document.createElement("button"); b.textContent = t("pay"); b.onclick = () => api("/midtrans/_sim/transactions/" + encodeURIComponent(inv.order_id) + "/pay", {}).then(panels); row.appendChild(b); }
    $("invoices").appendChild(row);
  }
  $("orders").innerHTML = lastOrders.length ? lastOrders.map((o) => "<div class='row'><span>#" + o.order + " · " + t("service") + " " + o.service + " · " + o.quantity + "</span></div>").join("") : t("noOrders");
}
async function panels() {
  try {
    lastInvoices = await api("/midtrans/_sim/transactions");
    lastOrders = (await api("/chat/api/panels")).supplierOrders;
    renderPanels();
  } catch (e) {}
}
$("lang").onclick = () => { lang = lang === "id" ? "en" : "id"; localStorage.setItem("sandbox.lang", lang); applyLanguage(); };
$("user").onchange = () => { user = Number($("user").value); since = 0; messages.clear(); render(); poll(); };
$("log").onscroll = () => { stick = nearBottom($("log")); };
$("send").onsubmit = (e) => { e.preventDefault(); const text = $("text").value.trim(); if (!text) return; $("text").value = ""; stick = true; api("/chat/api/send", { user, text }).then(poll); };
applyLanguage();
poll(); panels(); setInterval(poll, 700); setInterval(panels, 2000);
</script>
</body>
</html>`;
}
