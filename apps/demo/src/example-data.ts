// The example projects' files as text, in one chunk loaded by example.ts on demand.
export const files = import.meta.glob(
  [
    '../../../examples/wuhan-etdz-2017/**/*',
    '!../../../examples/wuhan-etdz-2017/README.md',
    '../../../examples/wuhu-2025/**/*',
    '!../../../examples/wuhu-2025/README.md',
  ],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>
