import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../../shared/errors.js";

/**
 * Secrets at rest (supplier keys, gateway keys) are sealed with AES-256-GCM under the master key,
 * with a fresh 96-bit IV per seal. The associated data binds a ciphertext to its row, so a sealed
 * key copied onto another supplier row fails to open.
 */
export interface SecretBox {
  seal(plaintext: string, associatedData: string): string;
  open(sealed: string, associatedData: string): string;
}

const VERSION = "v1";

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) throw new AppError("crypto.key_missing", "the master key must be 32 bytes");
  return {
    seal(plaintext, associatedData) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", masterKey, iv);
      cipher.setAAD(Buffer.from(associatedData, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
    },
    open(sealed, associatedData) {
      const [version, iv, tag, ciphertext] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
        throw new AppError("crypto.decrypt_failed", "sealed secret has an unknown format");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", masterKey, Buffer.from(iv, "base64"));
        decipher.setAAD(Buffer.from(associatedData, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
      } catch (cause) {
        // Wrong master key, or a ciphertext moved to another row: never echo the ciphertext.
        throw new AppError(
          "crypto.decrypt_failed",
          "cannot decrypt a stored secret: wrong MASTER_KEY or tampered row",
          { cause },
        );
      }
    },
  };
}

/** Shows that a secret is set without revealing any of it. */
export function maskSecret(secret: string | undefined | null): string {
  return secret ? "••••••••" : "(not set)";
}
