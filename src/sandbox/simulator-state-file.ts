import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

type Entries = Array<[string | number, unknown]>;

/**
 * Simulators' records (plain JSON objects in maps: the SMM panel's orders, Midtrans's invoices)
 * kept in one file, so an order placed or a QR shown before a restart still completes or can
 * still be paid after it. Saved once a second when something changed, and when the sandbox stops.
 * An unreadable file starts empty: the sandbox is a convenience, not a ledger.
 */
export function createSimulatorStateFile(path: string) {
  let saved: Record<string, Entries> = {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { version?: number; maps?: Record<string, Entries> };
    if (parsed.version === 1 && parsed.maps) saved = parsed.maps;
  } catch {
    // missing or unreadable: start empty
  }
  return {
    /** What was saved under this name, before the simulator exists (e.g. to continue its numbering). */
    entries(name: string): Entries {
      return Array.isArray(saved[name]) ? saved[name] : [];
    },
    /** Puts the saved records back into the maps, then keeps saving them. */
    track(maps: Record<string, Map<string | number, unknown>>): { stop(): void } {
      for (const [name, map] of Object.entries(maps))
        for (const [key, value] of this.entries(name)) map.set(key, value);
      let last = "";
      const save = () => {
        const text = JSON.stringify({
          version: 1,
          maps: Object.fromEntries(Object.entries(maps).map(([name, map]) => [name, [...map]])),
        });
        if (text === last) return;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, text);
        renameSync(`${path}.tmp`, path);
        last = text;
      };
      const timer = setInterval(save, 1_000).unref();
      return {
        stop() {
          clearInterval(timer);
          save();
        },
      };
    },
  };
}
