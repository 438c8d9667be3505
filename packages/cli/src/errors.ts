/**
 * Exit codes scripts and CI can rely on: 0 ok; 1 findings at error severity (or more
 * warnings than --max-warnings); 2 a usage error; 3 input that cannot be read or output
 * that cannot be written; 70 an internal error, a reformkit bug (EX_SOFTWARE of sysexits).
 */
export const EXIT = { ok: 0, problems: 1, usage: 2, io: 3, internal: 70 } as const

/** A mistake in how the command was called: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Input that cannot be read, or output that cannot be written: exit 3. */
export class InputError extends Error {
  override name = 'InputError'
}
