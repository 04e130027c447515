/**
 * The sandbox page: chat with the bot as a customer (text, buttons, QR photos, edits) and play the
 * customer's banking app by paying open QRIS invoices. Plain HTML and fetch polling, no build step.
 */
export function renderSandboxPage(): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox — chat with your shop bot</title>
<style>
  :root { --bg:#e7ebf0; --panel:#fff; --bot:#fff; --me:#d9fdd3; --accent:#2481cc; --muted:#707579; }
  * { box-sizing: border-box; }
  body { margin:0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color:#111; }
  header { background: var(--accent); color:#fff; padding:10px 16px; display:flex; gap:12px; align-items:center; flex-wrap:wrap; }
  header h1 { font-size:17px; margin:0; flex:1; }
  header select { font:inherit; padding:4px; border-radius:6px; border:0; }
  main { display:grid; grid-template-columns: minmax(0, 1fr) 320px; gap:12px; padding:12px; max-width:1200px; margin:0 auto; height: calc(100vh - 52px); }
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
  form input { flex:1; font:inherit; padding:10px 12px; border:1px solid #ccd; border-radius:20px; }
  form button { font:inherit; border:0; background: var(--accent); color:#fff; border-radius:20px; padding:0 18px; cursor:pointer; }
  aside { display:flex; flex-direction:column; gap:12px; min-height:0; overflow-y:auto; }
  .card { background: var(--panel); border-radius:12px; padding:12px; }
  .card h2 { font-size:15px; margin:0 0 8px; }
  .row { display:flex; justify-content:space-between; align-items:center; gap:8px; padding:6px 0; border-top:1px solid #f0f0f0; font-size:14px; }
  .row button { border:0; border-radius:6px; background:#2e7d32; color:#fff; padding:5px 10px; cursor:pointer; }
  .muted { color: var(--muted); font-size:13px; }
  .stars { margin-top:6px; border:0; border-radius:8px; background:#f5b301; color:#222; padding:8px 10px; cursor:pointer; font: inherit; }
  .toast { position:fixed; left:50%; top:70px; transform:translateX(-50%); background:#333; color:#fff; padding:10px 16px; border-radius:8px; display:none; max-width:80%; z-index:5; }
  @media (max-width: 820px) { main { grid-template-columns: 1fr; height:auto; } #log { height: 60vh; } }
</style>
</head>
<body>
<header>
  <h1>🛍️ Sandbox shop — chatting as <span id="who"></span></h1>
  <label>Customer <select id="user"></select></label>
  <a href="admin" target="_blank" rel="noopener">🛠️ Open the admin app (as the shop owner)</a>
</header>
<main>
  <section id="chat">
    <div id="log" aria-live="polite"></div>
    <form id="send"><input id="text" autocomplete="off" placeholder="Tulis pesan… (mis. mau beli followers instagram)"><button>Kirim</button></form>
  </section>
  <aside>
    <div class="card"><h2>💳 QRIS invoices (Midtrans simulator)</h2><div id="invoices" class="muted">No invoices yet.</div>
      <p class="muted">"Pay" acts as the customer's banking app: Midtrans settles the QR and sends its signed notification to the shop.</p></div>
    <div class="card"><h2>📦 Supplier orders (SMM panel simulator)</h2><div id="orders" class="muted">No supplier orders yet.</div>
      <p class="muted">Orders go Pending → In progress → Completed in about 25 s. A link containing "partial" or "cancel" ends that way.</p></div>
    <div class="card"><h2>Try</h2><div class="muted">mau beli followers instagram · saya pilih ID 2 · https://instagram.com/budi 1000 · ya · top up ML 86 diamond 12345678 (1234) · pulsa telkomsel 10000 · /saldo · /pesanan · /bahasa</div></div>
  </aside>
</main>
<div class="toast" id="toast"></div>
<script>
const base = location.pathname.replace(/\\/$/, "");
const $ = (id) => document.getElementById(id);
let user = Number(new URLSearchParams(location.search).get("user")) || 0;
let since = 0;
const messages = new Map();

async function api(path, body) {
  const res = await fetch(base + path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined);
  return res.json();
}
function toast(text) {
  if (!text) return;
  const el = $("toast"); el.textContent = text; el.style.display = "block";
  clearTimeout(toast.t); toast.t = setTimeout(() => (el.style.display = "none"), 3500);
}
function render() {
  const log = $("log");
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.innerHTML = "";
  for (const m of [...messages.values()].sort((a, b) => a.message_id - b.message_id)) {
    if (m.deleted) continue;
    const div = document.createElement("div");
    div.className = "msg " + m.from;
    if (m.photo) { const img = document.createElement("img"); img.src = base + "/chat/files/" + encodeURIComponent(m.photo); img.alt = "photo"; div.appendChild(img); }
    if (m.text) { const body = document.createElement("div"); body.innerHTML = m.from === "bot" ? m.text.replace(/<(?!\\/?(b|i|u|s|code|pre|a)\\b)/g, "&lt;") : escapeHtml(m.text); div.appendChild(body); }
    if (m.invoice) {
      const pay = document.createElement("button"); pay.className = "stars";
      pay.textContent = "Pay " + m.invoice.amount + " ⭐ (Telegram Stars)";
      pay.onclick = () => api("/chat/api/pay-invoice", { user, messageId: m.message_id }).then((r) => toast(r.ok ? "Paid with Stars" : r.error));
      if (m.invoice.paid) { pay.textContent = "✅ Receipt: " + m.invoice.amount + " ⭐ paid"; pay.disabled = true; }
      div.appendChild(pay);
    }
    if (m.successfulPayment) div.textContent = "⭐ " + m.successfulPayment.amount + " Stars paid";
    if (m.buttons && m.buttons.length) {
      const kb = document.createElement("div"); kb.className = "kb";
      for (const row of m.buttons) {
        const r = document.createElement("div"); r.className = "kb-row";
        for (const b of row) {
          const btn = document.createElement("button"); btn.textContent = b.text;
          btn.onclick = () => b.callback_data ? api("/chat/api/press", { user, messageId: m.message_id, data: b.callback_data }).then((r) => r.error && toast(r.error)) : b.url && window.open(b.url);
          r.appendChild(btn);
        }
        kb.appendChild(r);
      }
      div.appendChild(kb);
    }
    log.appendChild(div);
  }
  if (atBottom) log.scrollTop = log.scrollHeight;
}
function escapeHtml(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;"); }
async function poll() {
  try {
    const state = await api("/chat/api/state?user=" + user + "&since=" + since);
    if (!$("user").options.length) {
      for (const u of state.users) $("user").add(new Option(u.first_name + " (" + u.language_code + ")", u.id));
      if (!user) user = state.users[0].id;
      $("user").value = String(user);
    }
    $("who").textContent = $("user").selectedOptions[0]?.textContent ?? "";
    for (const m of state.messages) messages.set(m.message_id, m);
    for (const t of state.toasts) toast(t.text);
    if (state.messages.length) render();
    since = state.rev;
  } catch (e) { /* server restarting */ }
}
async function panels() {
  try {
    const invoices = await api("/midtrans/_sim/transactions");
    $("invoices").innerHTML = invoices.length ? "" : "No invoices yet.";
    for (const t of invoices.slice(0, 8)) {
      const row = document.createElement("div"); row.className = "row";
      row.innerHTML = "<span>" + t.order_id + "<br><b>Rp " + t.gross_amount.toLocaleString("id-ID") + "</b> · " + t.status + "</span>";
      if (t.status === "pending") { const b = document.createElement("button"); b.textContent = "Pay"; b.onclick = () => api("/midtrans/_sim/transactions/" + encodeURIComponent(t.order_id) + "/pay", {}).then(panels); row.appendChild(b); }
      $("invoices").appendChild(row);
    }
    const p = await api("/chat/api/panels");
    $("orders").innerHTML = p.supplierOrders.length ? p.supplierOrders.map((o) => "<div class='row'><span>#" + o.order + " · service " + o.service + " · " + o.quantity + "</span></div>").join("") : "No supplier orders yet.";
  } catch (e) {}
}
$("user").onchange = () => { user = Number($("user").value); since = 0; messages.clear(); render(); poll(); };
$("send").onsubmit = (e) => { e.preventDefault(); const text = $("text").value.trim(); if (!text) return; $("text").value = ""; api("/chat/api/send", { user, text }).then(poll); };
poll(); panels(); setInterval(poll, 700); setInterval(panels, 2000);
</script>
</body>
</html>`;
}
