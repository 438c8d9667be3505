/** The public surface of a package as a Markdown report: every exported name and its kind. */
export declare function apiReport(packageName: string, entries: Record<string, URL>): string
/** The checked-in report (written first when UPDATE_API is set). */
export declare function checkedIn(file: URL, report: string): string
/** The API tests of a package: api.md up to date, every export in the README. */
export declare function testPublicApi(packageDir: URL): void
