import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { miniAppIsStale } from "../../scripts/miniapp-build.js";
import { MINIAPP_DIST } from "../../src/server/miniapp-static.js";
import { miniAppLaunchUrl } from "../../src/sandbox/miniapp-launch.js";

export const ARTIFACTS = join(MINIAPP_DIST, "..", "..", "test-artifacts", "miniapp");

/**
 * The built Mini App the browser tests open. Vitest's global setup (test/global-setup.ts) builds
 * it once before the workers start; a worker never builds, so no test's page loads from a build
 * another worker is rewriting.
 */
export async function ensureMiniAppBuilt(): Promise<void> {
  if (miniAppIsStale())
    throw new Error(
      "the admin Mini App build is missing or older than its sources: run the tests through vitest (its global setup builds it) or npm run build",
    );
}

/**
 * Debian's Chromium, or CHROMIUM_PATH. Checked once by the global setup, so a machine without it
 * learns before any test runs, with the command the README gives.
 */
export function requireChromium(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(
      `The browser tests need Chromium at ${executablePath}. Install it once with\n  sudo apt-get install -y chromium fonts-noto-color-emoji\n(or set CHROMIUM_PATH to another Chromium), then run npm test again.`,
    );
  }
  return executablePath;
}

/** Headless Chromium from Debian (`apt-get install chromium`), driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/**
 * Opens the admin Mini App as a Telegram client would: /miniapp with launch parameters in the hash
 * and initData signed with the bot's token for `user`, on a phone-sized screen.
 */
export async function openMiniApp(
  browser: Browser,
  options: {
    productUrl: string;
    botToken: string;
    user: { id: number; firstName: string; username?: string; languageCode?: string };
    now?: Date;
  },
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: "id-ID",
  });
  const page = await context.newPage();
  await page.goto(
    miniAppLaunchUrl(`${options.productUrl}/miniapp/`, options.botToken, options.user, options.now ?? new Date()),
  );
  return page;
}

/** The sandbox chat page's screenshots (test-artifacts/sandbox/). */
export const SANDBOX_ARTIFACTS = join(ARTIFACTS, "..", "sandbox");

/** Keeps a screenshot as a test artifact (test-artifacts/miniapp/<name>.png unless another folder is given). */
export async function keepScreenshot(page: Page, name: string, folder = ARTIFACTS): Promise<void> {
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** The text of the first element with this test id. */
export const textOf = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

/** Keeps a screenshot once telegram-ui's transitions (the segmented control's pill) have ended. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await keepScreenshot(page, name);
}

/** Presses the screen's MainButton (drawn by the browser shell outside Telegram) once it shows `label` and is enabled. */
export async function pressMain(page: Page, label: string | RegExp): Promise<void> {
  const button = page.getByTestId("main-button");
  await expect.poll(() => button.innerText(), { timeout: 10_000 }).toMatch(label);
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}

/** Goes back `times` screens with the BackButton. */
export async function back(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByTestId("back-button").click();
}
