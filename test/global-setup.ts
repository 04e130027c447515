import { buildMiniAppIfStale } from "../scripts/miniapp-build.js";
import { requireChromium } from "./kit/browser.js";

/**
 * Runs once before any test file: checks that Chromium is there, and builds the admin Mini App if its sources changed. Building
 * here, not in each browser test file, keeps parallel test workers from building (and emptying
 * miniapp/dist) under each other's browsers.
 */
export default async function setup(): Promise<void> {
  requireChromium();
  await buildMiniAppIfStale();
}
