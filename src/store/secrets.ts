import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys and feed tokens: 32 random bytes shown once, stored only as a SHA-256 hash. A fast hash
 * is enough here (unlike passwords): the secret has 256 bits of entropy, so it cannot be guessed.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
