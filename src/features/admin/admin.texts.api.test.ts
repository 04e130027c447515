import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The texts area over HTTP with signed initData: the bot's welcome and help texts rewritten per
 * language (checked as Telegram HTML, reset to the default) and the FAQ the assistant answers from,
 * each change seen by customers of the real bot at once and audited.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let nextUser = 310_001;
beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const auditOf = (subject: string) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", subject).orderBy("id").execute();
interface TextView {
  key: string;
  language: string;
  text: string | null;
  defaultText: string;
  placeholders: string[];
  updatedBy: string | null;
}
const textIn = (body: { texts: TextView[] }, key: string, language: string) =>
  body.texts.find((t) => t.key === key && t.language === language)!;

/** A new customer of the real bot each time (Indonesian unless told), so sessions do not leak between cases. */
const someone = (language: "id" | "en" = "id") => {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({ id, first_name: "Budi", username: `budi${id}`, language_code: language });
  return kit.customer(id);
};
/** What the bot answers to a question, as the customer reads it. */
const answerTo = async (question: string, language: "id" | "en" = "id") =>
  (await someone(language).say(question)).map((m) => m.plain).join("\n");

describe("bot texts in the admin app", () => {
  it("lists the texts a shop may rewrite in both languages, each with its default and placeholders", async () => {
    const answer = await calls.admin().get("/texts");
    expect(answer.status).toBe(200);
    expect(answer.body.texts.map((t: TextView) => `${t.key}:${t.language}`)).toEqual([
      "welcome:id",
      "welcome:en",
      "help:id",
      "help:en",
    ]);
    expect(textIn(answer.body, "welcome", "id")).toMatchObject({ text: null, placeholders: ["name"], updatedBy: null });
    expect(textIn(answer.body, "welcome", "id").defaultText).toMatch(/^Halo, <b>\{name\}<\/b>! 👋/);
    expect(textIn(answer.body, "help", "en")).toMatchObject({ text: null, placeholders: [] });
    expect(textIn(answer.body, "help", "en").defaultText).toContain("<b>How to order</b>");
  });

  it("stores a rewritten welcome text, audited, and the bot greets with it in that language only", async () => {
    const text = "Selamat datang, <b>{name}</b>! Toko buka <i>24 jam</i>.";
    const answer = await calls.admin().put("/texts/welcome/id", { text: `  ${text}\n` });
    expect(answer.status).toBe(200);
    expect(textIn(answer.body, "welcome", "id")).toMatchObject({ text, updatedBy: "telegram:900101" });
    expect(textIn(answer.body, "welcome", "en").text).toBeNull();

    const [greeting] = await someone("id").say("/start");
    expect(greeting!.plain).toBe("Selamat datang, Budi! Toko buka 24 jam.");
    const [english] = await someone("en").say("/start");
    expect(english!.plain).toMatch(/^Hi, Budi! 👋/);

    const [entry] = await auditOf("bot_text:welcome:id");
    expect(entry).toMatchObject({ action: "bot_text.set", actor: "telegram:900101" });
    expect([JSON.parse(entry!.before!), JSON.parse(entry!.after!)]).toEqual([{ text: null }, { text }]);
  });

  it("refuses a text Telegram could not send, or a placeholder the text cannot use, and says why", async () => {
    const cases: Array<[path: string, body: unknown, message: string]> = [
      ["/texts/welcome/id", { text: "Halo <b>{name}!" }, "the text cannot be sent by Telegram: <b> is never closed"],
      [
        "/texts/welcome/id",
        { text: "Halo <div>{name}</div>" },
        "the text cannot be sent by Telegram: <div> is not supported by Telegram (at character 6); use b, i, u, s, a, code, pre, blockquote or tg-spoiler",
      ],
      [
        "/texts/welcome/id",
        { text: '<a href="javascript:alert(1)">klik</a>' },
        "the text cannot be sent by Telegram: <a> has an unsupported href (at character 1)",
      ],
      ["/texts/welcome/id", { text: "Halo {nama}!" }, "unknown placeholder {nama}: this text can use {name}"],
      ["/texts/help/en", { text: "Hello {name}" }, "this text has no placeholders; {name} would be shown as it is"],
      ["/texts/help/en", { text: "   " }, "the text cannot be sent by Telegram: the message is empty"],
      ["/texts/help/en", { text: "x".repeat(4097) }, "text: Telegram takes at most 4096 characters"],
      ["/texts/help/en", {}, "text: text is the new message"],
      ["/texts/help/en", "just a string", 'give the new text as { "text": "…" }'],
      ["/texts/goodbye/id", { text: "Bye" }, "the bot text goodbye cannot be changed; these can: welcome, help"],
      ["/texts/help/fr", { text: "Aide" }, 'language is "id" or "en"'],
    ];
    for (const [path, body, message] of cases) {
      const answer = await calls.admin().put(path, body);
      expect([answer.status, answer.body.error?.message], path).toEqual([400, message]);
    }
    // Positions count in the text as the admin wrote it, not with the placeholder filled in.
    const ampersand = await calls.admin().put("/texts/welcome/id", { text: "Halo {name} & selamat datang" });
    expect([ampersand.status, ampersand.body.error.message]).toEqual([
      400,
      expect.stringMatching(/^the text cannot be sent by Telegram: a lone "&" at character 13: /),
    ]);
    // Nothing refused was stored: the welcome text is still the one saved above, help still the default.
    const texts = await calls.admin().get("/texts");
    expect(textIn(texts.body, "welcome", "id").text).toBe("Selamat datang, <b>{name}</b>! Toko buka <i>24 jam</i>.");
    expect(textIn(texts.body, "help", "en").text).toBeNull();
    expect((await auditOf("bot_text:welcome:id")).length).toBe(1);
  });

  it("resets a text to the default, audited; a second reset says it already is", async () => {
    const answer = await calls.owner().delete("/texts/welcome/id");
    expect(answer.status).toBe(200);
    expect(textIn(answer.body, "welcome", "id")).toMatchObject({ text: null, updatedBy: null });
    const [greeting] = await someone("id").say("/start");
    expect(greeting!.plain).toMatch(/^Halo, Budi! 👋/);
    const entries = await auditOf("bot_text:welcome:id");
    expect(entries.at(-1)).toMatchObject({ action: "bot_text.reset", actor: "telegram:900001" });
    expect(JSON.parse(entries.at(-1)!.after!)).toEqual({ text: null });

    const again = await calls.owner().delete("/texts/welcome/id");
    expect([again.status, again.body.error.message]).toEqual([404, "the welcome text in id is already the default"]);
    expect((await calls.owner().delete("/texts/goodbye/id")).status).toBe(400);
  });

  it("rewrites the help text the bot shows on /help", async () => {
    const answer = await calls
      .admin()
      .put("/texts/help/en", { text: "<b>Ordering</b>\nWrite what you need &amp; pay with QRIS." });
    expect(answer.status).toBe(200);
    const [help] = await someone("en").say("/help");
    expect(help!.plain).toBe("Ordering\nWrite what you need & pay with QRIS.");
  });
});

interface FaqItem {
  slug: string;
  language: string;
  title: string;
  body: string;
  active: boolean;
}

describe("the FAQ in the admin app", () => {
  const opening = {
    slug: "jam-buka",
    language: "id",
    title: "Jam buka toko",
    body: "Toko buka setiap hari dari jam 08.00 sampai 22.00 WIB, pesanan otomatis tetap jalan 24 jam.",
  };

  it("lists every entry, in one language when asked", async () => {
    const all = await calls.admin().get("/faq");
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(16);
    expect(all.body.items.find((i: FaqItem) => i.slug === "cara-bayar" && i.language === "en")).toMatchObject({
      title: "How to pay",
      active: true,
    });
    const english = await calls.admin().get("/faq?language=en");
    expect(english.body.items.length).toBe(8);
    expect(english.body.items.every((i: FaqItem) => i.language === "en")).toBe(true);
    const refused = await calls.admin().get("/faq?language=fr");
    expect([refused.status, refused.body.error.message]).toEqual([400, 'language: language is "id" or "en"']);
  });

  it("adds an entry, audited, and the bot answers from it at once", async () => {
    expect(await answerTo("toko buka jam berapa?")).not.toContain("Jam buka toko");
    const answer = await calls.admin().put("/faq", opening);
    expect(answer.status).toBe(200);
    expect(answer.body.item).toMatchObject({ ...opening, active: true });
    expect(await answerTo("toko buka jam berapa?")).toContain("Toko buka setiap hari dari jam 08.00 sampai 22.00 WIB");
    const [entry] = await auditOf("faq:jam-buka:id");
    expect(entry).toMatchObject({ action: "faq.add", actor: "telegram:900101" });
    expect(JSON.parse(entry!.before!)).toBeNull();
    expect(JSON.parse(entry!.after!)).toEqual({ title: opening.title, body: opening.body, active: true });
  });

  it("edits an entry (the seeded ones too): the bot answers with the new text, not the old", async () => {
    const answer = await calls.admin().put("/faq", {
      ...opening,
      body: "Admin online jam 09.00 sampai 21.00 WIB; pesanan otomatis tetap jalan 24 jam.",
    });
    expect(answer.status).toBe(200);
    const reply = await answerTo("toko buka jam berapa?");
    expect(reply).toContain("Admin online jam 09.00 sampai 21.00 WIB");
    expect(reply).not.toContain("08.00");
    const entries = await auditOf("faq:jam-buka:id");
    expect(entries.map((e) => e.action)).toEqual(["faq.add", "faq.edit"]);
    expect(JSON.parse(entries[1]!.before!).body).toBe(opening.body);

    const seeded = (await calls.admin().get("/faq?language=id")).body.items.find(
      (i: FaqItem) => i.slug === "waktu-proses",
    ) as FaqItem;
    const edited = await calls.owner().put("/faq", {
      slug: "waktu-proses",
      language: "id",
      title: seeded.title,
      body: "Pesanan diproses otomatis; biasanya selesai dalam 1 sampai 6 jam.",
    });
    expect(edited.status).toBe(200);
    const processing = await answerTo("berapa lama pesanan diproses?");
    expect(processing).toContain("biasanya selesai dalam 1 sampai 6 jam");
    expect(processing).not.toContain(seeded.body.slice(0, 40));
  });

  it("keeps a deactivated entry in the list but out of the bot's answers", async () => {
    const answer = await calls.admin().put("/faq", { ...opening, active: false });
    expect(answer.body.item.active).toBe(false);
    expect((await calls.admin().get("/faq")).body.items.find((i: FaqItem) => i.slug === "jam-buka")).toMatchObject({
      active: false,
    });
    expect(await answerTo("toko buka jam berapa?")).not.toContain("Admin online");
    expect((await calls.admin().put("/faq", { ...opening, active: true })).body.item.active).toBe(true);
  });

  it("refuses an entry it cannot store and says which field is wrong", async () => {
    const cases: Array<[body: unknown, message: string]> = [
      [{ ...opening, slug: "Jam Buka!" }, "slug: a slug is lower-case words joined by hyphens, e.g. cara-bayar"],
      [{ ...opening, language: "fr" }, 'language: language is "id" or "en"'],
      [{ ...opening, title: "  " }, "title: a title is needed"],
      [{ slug: "x", language: "id", body: "b" }, "title: a title is needed"],
      [{ slug: "x", language: "id", title: "t" }, "body: a body is needed"],
      [{ language: "id", title: "t", body: "b" }, "slug: a slug is needed, e.g. cara-bayar"],
      [{ ...opening, body: "x".repeat(4001) }, "body: a body has at most 4000 characters"],
      [{ ...opening, active: "no" }, "active: active is true or false"],
      ["just a string", "an FAQ entry is { slug, language, title, body }"],
    ];
    for (const [body, message] of cases) {
      const answer = await calls.admin().put("/faq", body);
      expect([answer.status, answer.body.error?.message], JSON.stringify(body).slice(0, 80)).toEqual([400, message]);
    }
    expect((await calls.admin().get("/faq")).body.items.length).toBe(17);
  });

  it("deletes an entry, audited: the bot no longer answers from it, and a second delete is a 404", async () => {
    const answer = await calls.admin().delete("/faq/jam-buka/id");
    expect([answer.status, answer.body]).toEqual([200, { removed: true }]);
    expect((await calls.admin().get("/faq")).body.items.some((i: FaqItem) => i.slug === "jam-buka")).toBe(false);
    expect(await answerTo("toko buka jam berapa?")).not.toContain("Admin online");
    const removal = (await auditOf("faq:jam-buka:id")).at(-1)!;
    expect(removal.action).toBe("faq.remove");
    expect([JSON.parse(removal.before!).body, JSON.parse(removal.after!)]).toEqual([opening.body, null]);

    const again = await calls.admin().delete("/faq/jam-buka/id");
    expect([again.status, again.body.error.message]).toEqual([404, 'no FAQ "jam-buka" in language id']);
    const badLanguage = await calls.admin().delete("/faq/cara-bayar/fr");
    expect([badLanguage.status, badLanguage.body.error.message]).toEqual([400, 'language is "id" or "en"']);
    expect((await auditOf("faq:jam-buka:id")).filter((e) => e.action === "faq.remove").length).toBe(1);
  });
});

describe("who may change what the bot says", () => {
  it("is for admins and owners: operators and strangers are refused, and nothing changes", async () => {
    const before = await kit.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const who of [calls.operator(), calls.as(555_001)]) {
      expect((await who.get("/texts")).status).toBe(403);
      expect((await who.put("/texts/welcome/id", { text: "Halo {name}" })).status).toBe(403);
      expect((await who.delete("/texts/help/en")).status).toBe(403);
      expect((await who.get("/faq")).status).toBe(403);
      expect((await who.put("/faq", { slug: "x", language: "id", title: "t", body: "b" })).status).toBe(403);
      expect((await who.delete("/faq/cara-bayar/id")).status).toBe(403);
    }
    expect(
      await kit.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect((await calls.admin().get("/faq?language=id")).body.items.some((i: FaqItem) => i.slug === "cara-bayar")).toBe(
      true,
    );
    expect((await adminClient(kit).raw(undefined, "GET", "/texts")).status).toBe(401);
  });
});
