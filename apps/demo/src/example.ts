// The example projects (plan, sample ledger, placeholder attachments), bundled as a
// separate chunk so the page opens on one without a server: the Wuhan ETDZ 2017 plan, and
// the Wuhu 2025 key tasks (a plan of another shape: 牵头/配合, nested headings, 左右).
import type { ProjectFile } from './project.js'

export const EXAMPLES = ['wuhan-etdz-2017', 'wuhu-2025'] as const
export type ExampleName = (typeof EXAMPLES)[number]

export const isExample = (name: string | null): name is ExampleName =>
  (EXAMPLES as readonly (string | null)[]).includes(name)

export async function exampleFiles(name: ExampleName = 'wuhan-etdz-2017'): Promise<ProjectFile[]> {
  const { files } = await import('./example-data.js')
  const root = `../../../examples/${name}/`
  const encoder = new TextEncoder()
  return Object.entries(files)
    .filter(([path]) => path.startsWith(root))
    .map(([path, text]) => ({ path: path.slice(root.length), bytes: encoder.encode(text) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
}
