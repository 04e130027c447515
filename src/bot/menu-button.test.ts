import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../test/kit/shop-kit.js";
import { createAdminMenuButtons } from "./menu-button.js";

const OPERATOR = 610_001;
const STRANGER_CHAT = 610_999;

/**
 * The staff's menu button, against the Bot API emulator: every staff member's chat opens the admin
 * Mini App from it, someone removed gets the default button back, and without an https address
 * (Telegram opens Mini Apps only over https) nothing is set.
 */
describe("the admin menu button", () => {
  let kit: ShopKit;
  beforeAll(async () => {
    kit = await createShopKit({ importCatalog: false });
    kit.sandbox.telegram.addUser({ id: OPERATOR, first_name: "Rina", username: "rina_ops", language_code: "id" });
  });
  afterAll(() => kit.close());

  const buttons = (publicUrl: string | undefined) =>
    createAdminMenuButtons({
      api: kit.bot.api,
      admins: kit.container.admins,
      publicUrl,
      label: "Admin",
      logger: kit.logs.logger,
    });

  it("gives every staff member's chat a button opening the app, and takes it back from someone removed", async () => {
    const menu = buttons("https://shop.example.com/");
    await kit.container.admins.grant({ telegramId: OPERATOR, role: "operator" }, "test");
    await menu.sync();
    const app = { type: "web_app", text: "Admin", web_app: { url: "https://shop.example.com/miniapp/" } };
    expect(kit.sandbox.telegram.menuButtonOf(ADMIN_ID)).toEqual(app);
    expect(kit.sandbox.telegram.menuButtonOf(OPERATOR)).toEqual(app);

    await kit.container.admins.revoke(OPERATOR, "test");
    await menu.sync();
    expect(kit.sandbox.telegram.menuButtonOf(OPERATOR)).toEqual({ type: "commands" });
    expect(kit.sandbox.telegram.menuButtonOf(ADMIN_ID)).toEqual(app);
  });

  it("sets nothing without an https address", async () => {
    await kit.container.admins.grant({ telegramId: OPERATOR, role: "operator" }, "test");
    await buttons("http://127.0.0.1:3000").sync();
    expect(kit.sandbox.telegram.menuButtonOf(OPERATOR)).toEqual({ type: "commands" });
    await kit.container.admins.revoke(OPERATOR, "test");
  });

  it("keeps going when a staff member never opened the bot (Telegram cannot set their button)", async () => {
    await kit.container.admins.grant({ telegramId: STRANGER_CHAT, role: "admin" }, "test");
    await buttons("https://shop.example.com").sync();
    expect(kit.sandbox.telegram.menuButtonOf(ADMIN_ID)).toMatchObject({ type: "web_app" });
    expect(kit.logs.text()).toContain("cannot set the admin menu button for this chat");
    await kit.container.admins.revoke(STRANGER_CHAT, "test");
  });
});
