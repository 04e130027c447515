import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { createTelegramChannel } from "../../bot/telegram-channel.js";
import { createTranslator } from "../../bot/i18n.js";
import { renderQrPng } from "../../infra/qr/qr-image.js";
import { createJobWorkerWithLanes } from "../../schedules.js";
import { createNotificationsService, NOTIFY_JOB } from "../notifications/notifications.service.js";
import { createChannelRegistry } from "./channel-registry.js";
import { renderForChannel } from "./channel-render.js";
import { RecipientUnreachable, type ChannelMessage, type MessageChannel } from "./channel.types.js";

/**
 * The message-channel port with a second channel beside Telegram: a plain-text "memo" channel
 * written here (as WhatsApp or email will be). Notices reach it through the same notifications
 * service, rendered for what it can show, on an outbox kind and a worker lane of its own, on the
 * real outbox, worker and Telegram emulator.
 */

const plain = { markup: "plain", buttons: false, images: false, editButtons: false } as const;

/** A channel that records what it is given; `hold` keeps its sends waiting until released. */
function memoChannel() {
  const sent: Array<{ address: string; message: ChannelMessage }> = [];
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  const channel: MessageChannel = {
    id: "memo",
    capabilities: plain,
    lane: { name: "memo", jobKind: "notify:memo", concurrency: 1 },
    async send(address, message) {
      if (held) await held;
      if (address === "gone") throw new RecipientUnreachable("no such mailbox");
      sent.push({ address, message: { ...message, html: renderForChannel(plain, message).text } });
      return { messageId: `memo-${sent.length}` };
    },
  };
  return {
    channel,
    sent,
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release() {
      held = undefined;
      release?.();
    },
  };
}

describe("rendering one message for each channel", () => {
  const message: ChannelMessage = {
    html: '<b>Pesanan #12</b> selesai. <a href="https://t.me/shop">Lihat</a> &amp; <code>ABC-1</code>',
    buttons: [[{ text: "Lihat pesanan", data: "ord:12" }], [{ text: "Isi ulang", data: "refill:12" }], []],
    image: { url: "https://example.test/qr.png", alt: "QR: https://example.test/qr.png" },
  };

  it("keeps HTML, buttons and the image for a channel that shows them (Telegram)", () => {
    const rendered = renderForChannel({ markup: "html", buttons: true, images: true, editButtons: true }, message);
    expect(rendered.text).toBe(message.html);
    expect(rendered.buttons).toEqual([
      [{ text: "Lihat pesanan", data: "ord:12" }],
      [{ text: "Isi ulang", data: "refill:12" }],
    ]);
    expect(rendered.image).toEqual(message.image);
  });

  it("writes WhatsApp-style markdown, and lists buttons and the image's text under it when the channel cannot show them", () => {
    const rendered = renderForChannel(
      { markup: "markdown", buttons: false, images: false, editButtons: false },
      message,
    );
    expect(rendered.text).toBe(
      "*Pesanan #12* selesai. Lihat (https://t.me/shop) & ```ABC-1```\n\nQR: https://example.test/qr.png\n\n• Lihat pesanan\n• Isi ulang",
    );
    expect([rendered.buttons, rendered.image]).toEqual([undefined, undefined]);
  });

  it("writes plain text for a channel without markup", () => {
    expect(renderForChannel(plain, { html: "<i>Halo</i> &lt;3" }).text).toBe("Halo <3");
  });
});

describe("the channel registry", () => {
  it("refuses two channels with one id, job kind or lane, and names a missing channel", () => {
    const a = memoChannel().channel;
    expect(() => createChannelRegistry([a, { ...a }])).toThrow(/share an id/);
    expect(() => createChannelRegistry([a, { ...a, id: "memo2" }])).toThrow(/job kind or a lane/);
    expect(() => createChannelRegistry([a]).require("fax")).toThrow(/no message channel "fax"/);
  });
});

describe("notifications through the port", () => {
  let kit: ShopKit;
  const memo = memoChannel();
  let notifications: ReturnType<typeof createNotificationsService>;
  let worker: ReturnType<typeof createJobWorkerWithLanes>;
  const customerId = 440_001;

  beforeAll(async () => {
    kit = await createShopKit({ importCatalog: false });
    const c = kit.container;
    const channels = createChannelRegistry([createTelegramChannel(c.telegram), memo.channel]);
    notifications = createNotificationsService({
      queue: c.queue,
      customers: c.customers,
      translate: createTranslator(c.i18n),
      channels,
      adminChatIds: [],
      logger: c.logger,
    });
    worker = createJobWorkerWithLanes({
      queue: c.queue,
      clock: c.clock,
      logger: c.logger,
      channels,
      notifications,
      fulfilment: c.fulfilment,
      stars: c.stars,
      broadcasts: c.broadcasts,
    });
    kit.sandbox.telegram.addUser({ id: customerId, first_name: "Budi", username: "budi", language_code: "en" });
    await c.customers.touch({
      telegramId: customerId,
      chatId: customerId,
      firstName: "Budi",
      username: "budi",
      languageCode: "en",
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await kit?.close();
  });

  it("queues a notice to another channel on that channel's job kind and renders it there in the reader's language", async () => {
    await kit.db.transaction().execute((trx) =>
      notifications.toRecipient(trx, { channel: "memo", address: "budi@example.test" }, "en", {
        key: "handoff-admin-says",
        vars: { text: "<b>Ready</b>" },
        buttons: [[{ key: "button-view-order", vars: { order: 7 }, data: "ord:7" }]],
      }),
    );
    const job = await kit.db
      .selectFrom("jobs")
      .select(["kind", "payload"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(job.kind).toBe("notify:memo");
    expect(await worker.runDue(["notify:memo"])).toBe(1);
    expect(memo.sent).toHaveLength(1);
    const expected = createTranslator(kit.container.i18n)("en", "handoff-admin-says", { text: "<b>Ready</b>" });
    expect(memo.sent[0]!.address).toBe("budi@example.test");
    // No markup and no buttons on this channel: the text as read, the button's label under it.
    expect(memo.sent[0]!.message.html).toContain("Ready");
    expect(memo.sent[0]!.message.html).not.toContain("<b>");
    expect(memo.sent[0]!.message.html.startsWith(renderForChannel(plain, { html: expected }).text)).toBe(true);
    expect(memo.sent[0]!.message.html).toContain(
      `• ${createTranslator(kit.container.i18n)("en", "button-view-order", { order: 7 })}`,
    );
  });

  it("keeps customers on Telegram, on the notify kind the Telegram lane has always had", async () => {
    const customer = (await kit.container.customers.findByTelegramId(customerId))!;
    await kit.db
      .transaction()
      .execute((trx) =>
        notifications.toCustomer(trx, customer.id, { key: "handoff-admin-says", vars: { text: "on telegram" } }),
      );
    const job = await kit.db.selectFrom("jobs").select("kind").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(job.kind).toBe(NOTIFY_JOB);
    await worker.runDue([NOTIFY_JOB]);
    expect(
      kit
        .customer(customerId)
        .botMessages()
        .some((m) => m.plain.includes("on telegram")),
    ).toBe(true);
    expect(memo.sent).toHaveLength(1);
  });

  it("drops a notice to an address the channel cannot reach, without failing the job", async () => {
    await kit.db.transaction().execute((trx) =>
      notifications.toRecipient(trx, { channel: "memo", address: "gone" }, "id", {
        key: "handoff-admin-says",
        vars: { text: "x" },
      }),
    );
    await worker.runDue(["notify:memo"]);
    const job = await kit.db
      .selectFrom("jobs")
      .select(["kind", "status"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ kind: "notify:memo", status: "done" });
  });

  it("sends a QR image with its caption and buttons on Telegram, and says when a chat cannot be reached", async () => {
    const telegram = createTelegramChannel(kit.container.telegram);
    const png = await renderQrPng("00020101021226");
    const sent = await telegram.send(String(customerId), {
      html: "<b>Bayar</b> dengan QRIS",
      buttons: [[{ text: "Cek", data: "pay:check:1" }]],
      image: { bytes: png, alt: "QR" },
    });
    const shown = kit
      .customer(customerId)
      .botMessages()
      .find((m) => String(m.message_id) === sent.messageId)!;
    expect([Boolean(shown.photo), shown.plain, shown.buttons.flat().map((b) => b.text)]).toEqual([
      true,
      "Bayar dengan QRIS",
      ["Cek"],
    ]);
    await telegram.setButtons!(String(customerId), sent.messageId, []);
    expect(
      kit
        .customer(customerId)
        .botMessages()
        .find((m) => String(m.message_id) === sent.messageId)!.buttons,
    ).toEqual([]);
    await expect(telegram.send("123456789", { html: "nobody" })).rejects.toBeInstanceOf(RecipientUnreachable);
  });

  it("sends each channel on its own lane: a stuck channel does not hold up Telegram", async () => {
    memo.hold();
    const customer = (await kit.container.customers.findByTelegramId(customerId))!;
    await kit.db.transaction().execute(async (trx) => {
      await notifications.toRecipient(trx, { channel: "memo", address: "slow@example.test" }, "id", {
        key: "handoff-admin-says",
        vars: { text: "waiting" },
      });
      await notifications.toCustomer(trx, customer.id, { key: "handoff-admin-says", vars: { text: "not waiting" } });
    });
    worker.start();
    await expect
      .poll(
        () =>
          kit
            .customer(customerId)
            .botMessages()
            .some((m) => m.plain.includes("not waiting")),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(memo.sent.some((s) => s.address === "slow@example.test")).toBe(false);
    memo.release();
    await expect.poll(() => memo.sent.some((s) => s.address === "slow@example.test"), { timeout: 10_000 }).toBe(true);
    await worker.stop();
  });
});
