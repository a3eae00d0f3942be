import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe token for links and session cookies (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a database leak does not leak live links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

// argon2id (Algorithm.Argon2id = 2; a const enum, so spelled as its value),
// OWASP's recommended minimum: 19 MiB, 2 passes.
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Burns comparable time when the login is unknown, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
