import { hash, verify, type Options } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1).
// (2 is Algorithm.Argon2id; the library's const enum cannot be read under isolatedModules)
const options: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (stored: string, password: string) => verify(stored, password);

/** Verified against when the user does not exist, so a wrong username costs as much time as a wrong password. */
let dummyHash: Promise<string> | null = null;
export const burnPasswordCheck = async (password: string) => {
  dummyHash ??= hashPassword('gongzhi-dummy-password');
  await verify(await dummyHash, password);
};
