// The Wuhan ETDZ 2017 example (plan, sample ledger, placeholder attachments), bundled as
// a separate chunk so the page opens on it without a server.
import type { ProjectFile } from './project.js'

const ROOT = '../../../examples/wuhan-etdz-2017/'

export async function exampleFiles(): Promise<ProjectFile[]> {
  const { files } = await import('./example-data.js')
  const encoder = new TextEncoder()
  return Object.entries(files)
    .map(([path, text]) => ({ path: path.slice(ROOT.length), bytes: encoder.encode(text) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
}
