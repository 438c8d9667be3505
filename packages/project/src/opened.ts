// Files a user opens in a browser: from a file picker (files or a folder) or dropped on
// the page, as ProjectFile for loadProject. Browser APIs only (File, DataTransfer).
import type { ProjectFile } from './files.js'

/** More than this at once is refused before anything is read (a browser tab has limits). */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024

/** Opened files that together exceed MAX_OPEN_BYTES: nothing was read. */
export class TooMuchOpenedError extends Error {
  override name = 'TooMuchOpenedError'
  constructor(
    readonly bytes: number,
    readonly files: number,
  ) {
    super(`${Math.round(bytes / 1024 / 1024)} MiB > ${MAX_OPEN_BYTES / 1024 / 1024} MiB (${files})`)
  }
}

async function read(files: Array<{ file: File; path: string }>): Promise<ProjectFile[]> {
  const total = files.reduce((sum, f) => sum + f.file.size, 0)
  if (total > MAX_OPEN_BYTES) throw new TooMuchOpenedError(total, files.length)
  return Promise.all(
    files.map(async ({ file, path }) => ({
      path: path.replace(/\\/g, '/').replace(/^\/+/, ''),
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  )
}

/**
 * From File objects, e.g. an `<input type="file">`'s `files`: a folder picker gives each
 * file its path in the folder (`webkitRelativePath`), else its name is its path.
 */
export function filesFromList(list: Iterable<File> | ArrayLike<File>): Promise<ProjectFile[]> {
  return read(Array.from(list, (file) => ({ file, path: file.webkitRelativePath || file.name })))
}

/** From `<input type="file">` (files or a folder); the input is cleared for the next pick. */
export function filesFromInput(input: HTMLInputElement): Promise<ProjectFile[]> {
  const files = filesFromList(input.files ?? [])
  input.value = ''
  return files
}

/** From a drop: files and, where the browser allows, whole folders. */
export async function filesFromDrop(transfer: DataTransfer): Promise<ProjectFile[]> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry?.()).filter(
    (entry): entry is FileSystemEntry => Boolean(entry),
  )
  if (entries.length === 0)
    return read(Array.from(transfer.files, (file) => ({ file, path: file.name })))
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
