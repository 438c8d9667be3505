/** Node built-ins a built entry reaches through static imports, as "file: module". */
export declare function nodeBuiltinsReached(entry: URL): string[]
