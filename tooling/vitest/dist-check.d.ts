/** Node built-ins a built entry reaches through static imports, as "file: module". */
export declare function nodeBuiltinsReached(entry: URL): string[]
/**
 * How many zod schemas with a description a built entry has made: at import, then after
 * `code` has run (with the entry's module as `pkg`).
 */
export declare function schemasBuilt(entry: URL, code?: string): [number, number]
