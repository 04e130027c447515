import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";

/**
 * A VIP Reseller ("VIPayment") stand-in for game top-ups (wire-contracts section 3): form POSTs to
 * `/api/profile` and `/api/game-feature`, `key` + `sign = md5(API_ID + API_KEY)` on every call, the
 * `{result, data, message}` envelope with Indonesian messages and HTTP 200 for refusals, prices per
 * account level (basic / premium / special), orders that move waiting → processing → success | error
 * on the injected clock with a serial number or the reason in `note`, nickname lookups, an
 * IP-whitelist mode and switchable faults (hang, reset, 5xx, 429, garbage).
 */
export type VipLevel = "basic" | "premium" | "special";
export type VipFault = "hang" | "reset" | "http500" | "http429" | "garbage";
export type VipOutcome = "success" | "error";

/** One row of `type=services`, exactly as sent on the wire. */
export interface VipSimProduct {
  code: string;
  game: string;
  name: string;
  price: { basic: number | string; premium: number | string; special: number | string };
  server: string;
  status: string;
}

export interface VipSimOrder {
  trxid: string;
  service: string;
  name: string;
  dataNo: string;
  zone: string;
  price: number;
  createdAt: number;
  outcome: VipOutcome;
  /** The serial number (success) or the reason (error) that `note` shows once the order is done. */
  finalNote: string;
  refunded: boolean;
}

/** A known game account: when `zone` is set, a lookup with another zone finds nothing. */
export interface VipSimPlayer {
  nickname: string;
  zone?: string;
}

export interface VipSimRequest {
  endpoint: string;
  /** `type` for /game-feature; "profile" for /profile. */
  type: string;
  /** Every form field except `key` (the `sign` is kept so tests can check it). */
  fields: Record<string, string>;
  at: number;
}

export interface VipResellerSimulatorOptions {
  apiId: string;
  apiKey: string;
  now?: () => number;
  /** Starting balance in rupiah. */
  balance?: number;
  level?: VipLevel;
  catalog?: VipSimProduct[];
  /** How long an order stays `waiting`, then `processing`, in milliseconds. */
  waitingMs?: number;
  processingMs?: number;
}

/** The messages the simulator answers with `result: false` (Indonesian, as the real API). */
export const VIP_MESSAGES = {
  missingAuth: "API Key atau Signature tidak boleh kosong",
  key: "API Key Anda tidak valid",
  sign: "Signature Anda tidak valid",
  ip: (ip: string) => `IP ${ip} tidak terdaftar di whitelist API Anda`,
  maintenance: "Sistem sedang dalam pemeliharaan (maintenance), silakan coba beberapa saat lagi",
  request: "Permintaan tidak sesuai",
  service: "Layanan tidak ditemukan",
  empty: "Layanan sedang tidak tersedia (stok kosong)",
  targetMissing: "Data tujuan wajib diisi",
  targetInvalid: "Data tujuan tidak valid",
  zoneMissing: "Zone ID wajib diisi untuk game ini",
  serverInvalid: "Server tidak valid",
  funds: "Saldo Anda tidak mencukupi untuk melakukan pemesanan ini",
  trx: "Data transaksi tidak ditemukan",
  gameCode: "Kode game tidak ditemukan",
  nicknameUnsupported: "Game ini belum mendukung cek nickname",
  playerNotFound: "ID Pemain tidak ditemukan, pastikan ID dan Zone sudah benar",
  orderFailed: "Transaksi gagal: ID Pemain tidak dapat diisi. Saldo telah dikembalikan.",
} as const;

const GENSHIN_SERVERS = ["os_asia", "os_usa", "os_euro", "os_cht"];

/** Which games need `data_zone` on order and `additional_target` on get-nickname. */
const ZONE_RULES: Record<string, "numeric" | "server"> = {
  "Mobile Legends": "numeric",
  "Genshin Impact": "server",
};

/** get-nickname `code` → game; `null` = a known game without nickname lookups. */
const NICKNAME_CODES: Record<string, string | null> = {
  "mobile-legends": "Mobile Legends",
  "free-fire": "Free Fire",
  "free-fire-max": "Free Fire",
  "pubg-mobile": "PUBG Mobile",
  "genshin-impact": "Genshin Impact",
  valorant: null,
};

/** Fixed accounts every test and the sandbox can rely on. */
export const VIP_KNOWN_PLAYERS: ReadonlyArray<readonly [string, VipSimPlayer]> = [
  ["12345678", { nickname: "BudiGamer", zone: "1234" }],
  ["87654321", { nickname: "SitiMLBB", zone: "2001" }],
  ["123456789", { nickname: "RizkyFF" }],
  ["5123456789", { nickname: "AgusPUBG" }],
  ["812345678", { nickname: "Lumine_ID", zone: "os_asia" }],
];

/** Ids that look plausible but belong to nobody. */
export const VIP_UNKNOWN_PLAYER_IDS: readonly string[] = ["11111111", "99999999", "12345"];

const tier = (basic: number) => ({ basic, premium: Math.round(basic * 0.99), special: Math.round(basic * 0.98) });

const product = (code: string, game: string, name: string, basic: number, status = "available"): VipSimProduct => ({
  code,
  game,
  name,
  price: tier(basic),
  server: "1",
  status,
});

/** A few dozen products of the games Indonesian resellers sell most, prices in rupiah. */
export function vipSampleCatalog(): VipSimProduct[] {
  const ml = "Mobile Legends";
  const ff = "Free Fire";
  const pubg = "PUBG Mobile";
  const gi = "Genshin Impact";
  const val = "Valorant";
  return [
    product("MLA86", ml, "Mobile Legends 86 Diamonds", 19_450),
    product("MLA172", ml, "Mobile Legends 172 Diamonds", 38_900),
    product("MLA257", ml, "Mobile Legends 257 Diamonds", 58_300),
    product("MLA344", ml, "Mobile Legends 344 Diamonds", 77_800),
    product("MLA429", ml, "Mobile Legends 429 Diamonds", 97_200),
    product("MLA514", ml, "Mobile Legends 514 Diamonds", 116_700),
    product("MLA706", ml, "Mobile Legends 706 Diamonds", 155_600),
    product("MLA878", ml, "Mobile Legends 878 Diamonds", 194_500),
    product("MLA2195", ml, "Mobile Legends 2195 Diamonds", 486_000),
    product("MLA3688", ml, "Mobile Legends 3688 Diamonds", 778_000, "empty"),
    product("MLWDP", ml, "Mobile Legends Weekly Diamond Pass", 27_650),
    product("MLTWP", ml, "Mobile Legends Twilight Pass", 147_000),
    product("FF5", ff, "Free Fire 5 Diamonds", 850),
    product("FF12", ff, "Free Fire 12 Diamonds", 1_850),
    product("FF50", ff, "Free Fire 50 Diamonds", 7_150),
    product("FF70", ff, "Free Fire 70 Diamonds", 9_500),
    product("FF140", ff, "Free Fire 140 Diamonds", 18_900),
    product("FF355", ff, "Free Fire 355 Diamonds", 47_300),
    product("FF720", ff, "Free Fire 720 Diamonds", 94_600),
    product("FF1450", ff, "Free Fire 1450 Diamonds", 189_200, "empty"),
    product("FFMM", ff, "Free Fire Membership Mingguan", 28_700),
    product("PUBG60", pubg, "PUBG Mobile 60 UC", 14_300),
    product("PUBG325", pubg, "PUBG Mobile 325 UC", 71_500),
    product("PUBG660", pubg, "PUBG Mobile 660 UC", 143_000),
    product("PUBG1800", pubg, "PUBG Mobile 1800 UC", 357_500),
    product("PUBG3850", pubg, "PUBG Mobile 3850 UC", 715_000),
    product("GI60", gi, "Genshin Impact 60 Genesis Crystals", 12_400),
    product("GI330", gi, "Genshin Impact 300+30 Genesis Crystals", 61_900),
    product("GI1090", gi, "Genshin Impact 980+110 Genesis Crystals", 185_800),
    product("GI2240", gi, "Genshin Impact 1980+260 Genesis Crystals", 371_600),
    product("GIWELKIN", gi, "Genshin Impact Blessing of the Welkin Moon", 61_900),
    product("VAL125", val, "Valorant 125 Points", 14_250),
    product("VAL420", val, "Valorant 420 Points", 47_500),
    product("VAL700", val, "Valorant 700 Points", 76_000),
    product("VAL1375", val, "Valorant 1375 Points", 142_500, "empty"),
  ];
}

const NICK_A = ["Raja", "Sang", "Pro", "Dark", "Kapten", "Ratu", "Legenda", "Ninja", "Bang", "Neng"];
const NICK_B = ["Naga", "Macan", "Elang", "Garuda", "Kucing", "Bintang", "Petir", "Badai", "Serigala", "Hiu"];

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** The same plausible nickname for the same account, every time. */
export function vipDeterministicNickname(target: string, zone: string): string {
  const h = md5(`${target}|${zone}`);
  return `${NICK_A[parseInt(h.slice(0, 2), 16) % NICK_A.length]}${NICK_B[parseInt(h.slice(2, 4), 16) % NICK_B.length]}${parseInt(h.slice(4, 6), 16) % 100}`;
}

/** "YYYY-MM-DD HH:mm:ss" in WIB, as the supplier writes dates. */
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);

export function createVipResellerSimulator(options: VipResellerSimulatorOptions) {
  const now = options.now ?? (() => Date.now());
  const catalog = options.catalog ?? vipSampleCatalog();
  const expectedSign = md5(options.apiId + options.apiKey);
  const waitingMs = options.waitingMs ?? 3_000;
  const processingMs = options.processingMs ?? 10_000;
  const orders = new Map<string, VipSimOrder>();
  const requests: VipSimRequest[] = [];
  const players = new Map<string, VipSimPlayer>(VIP_KNOWN_PLAYERS.map(([id, player]) => [id, { ...player }]));
  const faults = new Map<string, { fault: VipFault; remaining: number }>();
  const scripted: Array<{ match: string; outcome: VipOutcome; note?: string | undefined }> = [];
  const hanging = new Set<() => void>();
  let balance = options.balance ?? 1_500_000;
  let level: string = options.level ?? "basic";
  let ipAllowed = true;
  let maintenance = false;
  let statusShape: "array" | "object" = "array";
  let nextTrx = 87_432_001;

  const fail = (c: Context, message: string) => c.json({ result: false, data: null, message });
  const ok = (c: Context, data: unknown, message: string) => c.json({ result: true, data, message });

  const stateOf = (o: VipSimOrder): { status: string; note: string } => {
    const age = now() - o.createdAt;
    if (age < waitingMs) return { status: "waiting", note: "" };
    if (age < waitingMs + processingMs) return { status: "processing", note: "Pesanan sedang diproses" };
    return { status: o.outcome, note: o.finalNote };
  };

  /** Failed orders give their price back once they are done (whether or not anyone asked). */
  const settle = () => {
    for (const o of orders.values()) {
      if (o.outcome === "error" && !o.refunded && stateOf(o).status === "error") {
        o.refunded = true;
        balance += o.price;
      }
    }
  };

  const priceOf = (p: VipSimProduct) =>
    Number(p.price[(["basic", "premium", "special"].includes(level) ? level : "basic") as VipLevel]);

  const validTarget = (target: string) => /^\d{5,12}$/.test(target);

  /** Checks the zone a game needs; returns the refusal message or undefined. */
  const zoneProblem = (game: string, zone: string): string | undefined => {
    const rule = ZONE_RULES[game];
    if (!rule) return undefined;
    if (zone === "") return VIP_MESSAGES.zoneMissing;
    if (rule === "numeric" && !/^\d{1,6}$/.test(zone)) return VIP_MESSAGES.targetInvalid;
    if (rule === "server" && !GENSHIN_SERVERS.includes(zone)) return VIP_MESSAGES.serverInvalid;
    return undefined;
  };

  const statusEntry = (o: VipSimOrder) => {
    const s = stateOf(o);
    return {
      trxid: o.trxid,
      data: o.dataNo,
      zone: o.zone,
      service: o.name,
      status: s.status,
      note: s.note,
      price: o.price,
      created_date: wib(o.createdAt),
      last_update: wib(
        s.status === "waiting"
          ? o.createdAt
          : Math.min(now(), o.createdAt + waitingMs + (s.status === "processing" ? 0 : processingMs)),
      ),
    };
  };

  /** Validates a `type=order` and creates the order; the answer is the wire body. */
  const order = (c: Context, f: Record<string, string>) => {
    const p = catalog.find((row) => row.code === f.service);
    if (!p) return fail(c, VIP_MESSAGES.service);
    if (p.status !== "available") return fail(c, VIP_MESSAGES.empty);
    const dataNo = (f.data_no ?? "").trim();
    const zone = (f.data_zone ?? "").trim();
    if (dataNo === "") return fail(c, VIP_MESSAGES.targetMissing);
    if (!validTarget(dataNo)) return fail(c, VIP_MESSAGES.targetInvalid);
    const zoneError = zoneProblem(p.game, zone);
    if (zoneError) return fail(c, zoneError);
    const price = priceOf(p);
    if (price > balance) return fail(c, VIP_MESSAGES.funds);
    balance -= price;
    const script = scripted.find((s) => dataNo.includes(s.match));
    const outcome: VipOutcome = script?.outcome ?? (dataNo.endsWith("000") ? "error" : "success");
    const trxid = `VIP${nextTrx++}`;
    const serial = md5(trxid).slice(0, 20).toUpperCase();
    const finalNote = script?.note ?? (outcome === "success" ? `SN: ${serial}` : VIP_MESSAGES.orderFailed);
    const o: VipSimOrder = {
      trxid,
      service: p.code,
      name: p.name,
      dataNo,
      zone,
      price,
      createdAt: now(),
      outcome,
      finalNote,
      refunded: false,
    };
    orders.set(trxid, o);
    return ok(
      c,
      { trxid, data: dataNo, zone, service: p.name, status: "waiting", note: "", balance, price },
      "Pesanan berhasil dibuat, silakan cek status pesanan secara berkala.",
    );
  };

  const nickname = (c: Context, f: Record<string, string>) => {
    const code = (f.code ?? "").trim();
    if (!(code in NICKNAME_CODES)) return fail(c, VIP_MESSAGES.gameCode);
    const game = NICKNAME_CODES[code];
    if (!game) return fail(c, VIP_MESSAGES.nicknameUnsupported);
    const target = (f.target ?? "").trim();
    const zone = (f.additional_target ?? "").trim();
    if (target === "") return fail(c, VIP_MESSAGES.targetMissing);
    const zoneError = zoneProblem(game, zone);
    if (zoneError) return fail(c, zoneError);
    if (!validTarget(target) || VIP_UNKNOWN_PLAYER_IDS.includes(target)) return fail(c, VIP_MESSAGES.playerNotFound);
    const known = players.get(target);
    if (known) {
      if (known.zone !== undefined && known.zone !== zone) return fail(c, VIP_MESSAGES.playerNotFound);
      return ok(c, known.nickname, "Berhasil mendapatkan nickname.");
    }
    return ok(c, vipDeterministicNickname(target, zone), "Berhasil mendapatkan nickname.");
  };

  const gameFeature: Record<string, (c: Context, f: Record<string, string>) => Response> = {
    services: (c, f) => {
      let rows = catalog;
      if (f.filter_type === "game" && f.filter_value)
        rows = rows.filter((r) => r.game.toLowerCase() === f.filter_value!.toLowerCase());
      if (f.filter_status) rows = rows.filter((r) => r.status === f.filter_status);
      return ok(c, rows, "Berhasil mendapatkan daftar layanan.");
    },
    order,
    status: (c, f) => {
      if (f.trxid) {
        const o = orders.get(f.trxid.trim());
        if (!o) return fail(c, VIP_MESSAGES.trx);
        return ok(
          c,
          statusShape === "object" ? statusEntry(o) : [statusEntry(o)],
          "Berhasil mendapatkan data transaksi.",
        );
      }
      const limit = Number(f.limit) > 0 ? Number(f.limit) : 10;
      return ok(
        c,
        [...orders.values()].reverse().slice(0, limit).map(statusEntry),
        "Berhasil mendapatkan data transaksi.",
      );
    },
    "get-nickname": nickname,
  };

  const remoteIp = (c: Context) =>
    (
      c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
    )?.incoming?.socket?.remoteAddress?.replace(/^::ffff:/, "") ?? "0.0.0.0";

  const handle = (endpoint: "profile" | "game-feature") => async (c: Context) => {
    const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    const type = endpoint === "profile" ? "profile" : (fields.type ?? "");
    const { key, ...logged } = fields;
    requests.push({ endpoint, type, fields: logged, at: now() });
    settle();

    const authError =
      !key || !fields.sign
        ? VIP_MESSAGES.missingAuth
        : key !== options.apiKey
          ? VIP_MESSAGES.key
          : !ipAllowed
            ? VIP_MESSAGES.ip(remoteIp(c))
            : fields.sign !== expectedSign
              ? VIP_MESSAGES.sign
              : undefined;
    /** A faulty answer to an order still creates it when the request itself was good (the dangerous case). */
    const processAnyway = () => {
      if (type === "order" && !authError && !maintenance) order(c, fields);
    };

    const fault = faults.get(type) ?? faults.get("*");
    if (fault && fault.remaining !== 0) {
      fault.remaining--;
      switch (fault.fault) {
        case "hang":
          // The request was read and, for an order, processed; no answer ever comes (until close).
          processAnyway();
          return new Promise<Response>((resolve) => hanging.add(() => resolve(c.text("", 504))));
        case "reset":
          processAnyway();
          (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
          return c.text("", 500);
        case "http500":
          return c.html(
            "<html><head><title>500 Internal Server Error</title></head><body>Internal Server Error</body></html>",
            500,
          );
        case "http429":
          return c.json({ result: false, data: null, message: "Terlalu banyak permintaan" }, 429, {
            "Retry-After": "2",
          });
        case "garbage":
          return c.html("<html><body><h1>Sedang dalam perbaikan</h1></body></html>", 200);
      }
    }

    if (authError) return fail(c, authError);

    if (endpoint === "profile") {
      return ok(
        c,
        { full_name: "Sandbox Reseller", username: "sandbox", balance, point: 0, level },
        "Berhasil mendapatkan data profil.",
      );
    }
    if (maintenance) return fail(c, VIP_MESSAGES.maintenance);
    const handler = gameFeature[type];
    return handler ? handler(c, fields) : fail(c, VIP_MESSAGES.request);
  };

  const routes = new Hono();
  routes.post("/api/profile", handle("profile"));
  routes.post("/api/game-feature", handle("game-feature"));

  return {
    routes,
    apiId: options.apiId,
    requests,
    orders,
    /** Known accounts by player id; add to it to make a lookup return a chosen nickname. */
    players,
    catalog,
    /** Makes the next `times` calls of a type ("services", "order", "status", "get-nickname", "profile", or "*") fail; -1 = until cleared. */
    setFault(type: string, fault: VipFault | undefined, times = -1): void {
      if (fault) faults.set(type, { fault, remaining: times });
      else faults.delete(type);
    },
    /** false: every call is refused as coming from an IP that is not whitelisted. */
    setIpAllowed(allowed: boolean): void {
      ipAllowed = allowed;
    },
    /** true: /game-feature answers the maintenance refusal (profile still works). */
    setMaintenance(on: boolean): void {
      maintenance = on;
    },
    /** `type=status` with a trxid answers `data` as a one-item list (default) or as the bare object. */
    setStatusShape(shape: "array" | "object"): void {
      statusShape = shape;
    },
    /** The account level that /profile reports and prices follow (any string, to test odd values). */
    setLevel(value: string): void {
      level = value;
    },
    /** Orders whose player id contains `match` end this way (with this note, if given). */
    script(match: string, outcome: VipOutcome, note?: string): void {
      scripted.unshift({ match, outcome, note });
    },
    orderCalls(): number {
      return requests.filter((r) => r.type === "order").length;
    },
    balance(): number {
      settle();
      return balance;
    },
    close(): void {
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
}

export type VipResellerSimulator = ReturnType<typeof createVipResellerSimulator>;
