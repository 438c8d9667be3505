// Files the user opens: from a file picker (files or a folder) or dropped on the page.
import type { ProjectFile } from './project.js'

/** More than this at once is refused before anything is read (a browser tab has limits). */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024

async function read(files: Array<{ file: File; path: string }>): Promise<ProjectFile[]> {
  const total = files.reduce((sum, f) => sum + f.file.size, 0)
  if (total > MAX_OPEN_BYTES)
    throw new Error(
      `${Math.round(total / 1024 / 1024)} MiB > ${MAX_OPEN_BYTES / 1024 / 1024} MiB (${files.length})`,
    )
  return Promise.all(
    files.map(async ({ file, path }) => ({
      path: path.replace(/\\/g, '/').replace(/^\/+/, ''),
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  )
}

/** From `<input type="file">`; a folder picker gives each file its path in the folder. */
export function filesFromInput(input: HTMLInputElement): Promise<ProjectFile[]> {
  const files = [...(input.files ?? [])].map((file) => ({
    file,
    path: file.webkitRelativePath || file.name,
  }))
  input.value = ''
  return read(files)
}

/** From a drop: files and, where the browser allows, whole folders. */
export async function filesFromDrop(transfer: DataTransfer): Promise<ProjectFile[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry))
  if (entries.length === 0)
    return read([...transfer.files].map((file) => ({ file, path: file.name })))
  const found: Array<{ file: File; path: string }> = []
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      )
      found.push({ file, path: entry.fullPath })
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries returns the folder in batches until an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        )
        if (batch.length === 0) break
        for (const child of batch) await walk(child)
      }
    }
  }
  for (const entry of entries) await walk(entry)
  return read(found)
}
