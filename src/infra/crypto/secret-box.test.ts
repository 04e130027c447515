import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors.js";
import { resolveMasterKey } from "./master-key.js";
import { createSecretBox, maskSecret } from "./secret-box.js";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const SUPPLIER_KEY = "sk_live_4f9a2b7c1d";

/** Runs `fn` and returns the AppError it throws (fails the test if it throws anything else or nothing). */
function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("createSecretBox: supplier and gateway keys at rest", () => {
  it("opens what it sealed", () => {
    const box = createSecretBox(KEY);
    expect(box.open(box.seal(SUPPLIER_KEY, "providers:1"), "providers:1")).toBe(SUPPLIER_KEY);
  });

  it("round-trips empty and non-ASCII secrets", () => {
    const box = createSecretBox(KEY);
    for (const secret of ["", "kunci rahasia – ñ 🔑"]) expect(box.open(box.seal(secret, "row"), "row")).toBe(secret);
  });

  it("never stores the secret in readable form", () => {
    const sealed = createSecretBox(KEY).seal(SUPPLIER_KEY, "providers:1");
    expect(sealed).not.toContain(SUPPLIER_KEY);
    expect(sealed).not.toContain(Buffer.from(SUPPLIER_KEY).toString("base64"));
  });

  it("seals the same secret differently each time (fresh IV)", () => {
    const box = createSecretBox(KEY);
    const first = box.seal(SUPPLIER_KEY, "providers:1");
    const second = box.seal(SUPPLIER_KEY, "providers:1");
    expect(first).not.toBe(second);
    expect(first.split(":")[1]).not.toBe(second.split(":")[1]);
  });

  it("refuses to open a secret copied onto another row, without echoing the secret or ciphertext", () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal(SUPPLIER_KEY, "providers:1");
    const error = appError(() => box.open(sealed, "providers:2"));
    expect(error.code).toBe("crypto.decrypt_failed");
    expect(error.message).not.toContain(SUPPLIER_KEY);
    expect(error.message).not.toContain(sealed);
    for (const piece of sealed.split(":").slice(1)) expect(error.message).not.toContain(piece);
  });

  it("refuses to open with a different master key", () => {
    const sealed = createSecretBox(KEY).seal(SUPPLIER_KEY, "providers:1");
    expect(appError(() => createSecretBox(OTHER_KEY).open(sealed, "providers:1")).code).toBe("crypto.decrypt_failed");
  });

  it("detects a tampered ciphertext", () => {
    const box = createSecretBox(KEY);
    const [version, iv, tag, ciphertext] = box.seal(SUPPLIER_KEY, "providers:1").split(":");
    const bytes = Buffer.from(ciphertext!, "base64");
    bytes[0] = bytes[0]! ^ 0x01;
    const tampered = [version, iv, tag, bytes.toString("base64")].join(":");
    expect(appError(() => box.open(tampered, "providers:1")).code).toBe("crypto.decrypt_failed");
  });

  it("detects a tampered authentication tag", () => {
    const box = createSecretBox(KEY);
    const [version, iv, tag, ciphertext] = box.seal(SUPPLIER_KEY, "providers:1").split(":");
    const bytes = Buffer.from(tag!, "base64");
    bytes[0] = bytes[0]! ^ 0x80;
    const tampered = [version, iv, bytes.toString("base64"), ciphertext].join(":");
    expect(appError(() => box.open(tampered, "providers:1")).code).toBe("crypto.decrypt_failed");
  });

  it("refuses values that are not sealed secrets", () => {
    const box = createSecretBox(KEY);
    for (const value of ["", SUPPLIER_KEY, "v2:a:b:c"])
      expect(appError(() => box.open(value, "providers:1")).code).toBe("crypto.decrypt_failed");
  });

  it("refuses a master key that is not 32 bytes", () => {
    expect(appError(() => createSecretBox(Buffer.alloc(16))).code).toBe("crypto.key_missing");
  });
});

describe("maskSecret", () => {
  it("shows that a secret is set without revealing any character of it", () => {
    const masked = maskSecret(SUPPLIER_KEY);
    for (const char of new Set(SUPPLIER_KEY)) expect(masked).not.toContain(char);
    expect(maskSecret("x")).toBe(masked);
  });

  it("says when no secret is set", () => {
    expect(maskSecret(undefined)).toBe("(not set)");
    expect(maskSecret(null)).toBe("(not set)");
    expect(maskSecret("")).toBe("(not set)");
  });
});

describe("resolveMasterKey", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tokobot-master-key-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("uses MASTER_KEY from the environment as is, writing no file", () => {
    const hex = "0123456789abcdef".repeat(4);
    const source = resolveMasterKey({ hex, dataDir, production: true });
    expect(source.origin).toBe("env");
    expect(source.key.toString("hex")).toBe(hex);
    expect(() => statSync(join(dataDir, "master.key"))).toThrow();
  });

  it("generates a private 64-hex key file outside production, and reuses it on the next start", () => {
    const first = resolveMasterKey({ hex: undefined, dataDir, production: false });
    expect(first.origin).toBe("generated");
    expect(first.key).toHaveLength(32);
    const path = join(dataDir, "master.key");
    expect(first.path).toBe(path);
    expect(readFileSync(path, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path, "utf8").trim()).toBe(first.key.toString("hex"));
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const second = resolveMasterKey({ hex: undefined, dataDir, production: false });
    expect(second.origin).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("creates the data directory when it does not exist yet", () => {
    const nested = join(dataDir, "a", "b");
    expect(resolveMasterKey({ hex: undefined, dataDir: nested, production: false }).origin).toBe("generated");
    expect(statSync(join(nested, "master.key")).isFile()).toBe(true);
  });

  it("refuses to start production without MASTER_KEY, and writes no key next to the database", () => {
    expect(appError(() => resolveMasterKey({ hex: undefined, dataDir, production: true })).code).toBe(
      "crypto.key_missing",
    );
    expect(() => statSync(join(dataDir, "master.key"))).toThrow();
  });

  it("lets a generated key open what an earlier process sealed", () => {
    const sealed = createSecretBox(resolveMasterKey({ hex: undefined, dataDir, production: false }).key).seal(
      SUPPLIER_KEY,
      "providers:1",
    );
    const reopened = createSecretBox(resolveMasterKey({ hex: undefined, dataDir, production: false }).key);
    expect(reopened.open(sealed, "providers:1")).toBe(SUPPLIER_KEY);
  });
});
