/** The codes starting with a digit prefix as a range [prefix, next prefix), which an index serves under any collation (a LIKE does not). */
export const codeRange = (prefix: string) => [prefix, (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0')] as const;
