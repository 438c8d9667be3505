import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exampleRoot, loadExample } from '../../test/example.js'
import { createBundle, verifyBundle } from './bundle.js'

const example = await loadExample()
const base = await mkdtemp(join(tmpdir(), 'reformkit-bundle-'))
afterAll(() => rm(base, { recursive: true, force: true }))
const bundle = (out: string, force = false) =>
  createBundle({
    ...example,
    root: exampleRoot,
    files: example.loaded.files,
    out: join(base, out),
    force,
  })

describe('createBundle and verifyBundle (一式两份)', () => {
  it('writes a folder copy with ledger files, attachments, the index and a manifest', async () => {
    const progress: number[] = []
    const { manifest } = await createBundle({
      ...example,
      root: exampleRoot,
      files: example.loaded.files,
      out: join(base, 'copy-a'),
      onProgress: (p) => progress.push(p.done),
    })
    const paths = manifest.files.map((f) => f.path)
    expect(paths).toContain('ledger/fgj.yaml')
    expect(paths).toContain('files/fgj/fgj-01-research.txt')
    expect(paths).toContain('台账目录.docx')
    expect(paths).toContain('台账目录.xlsx')
    expect(paths).not.toContain('files/jxj/智能制造项目清单.xlsx') // missing in the example
    expect(paths).toEqual([...paths].sort())
    expect(progress.at(-1)).toBe(paths.length)
    const text = await readFile(join(base, 'copy-a', 'manifest.json'), 'utf8')
    expect(JSON.parse(text)).toEqual(manifest)
    expect(text).toBe(`${JSON.stringify(manifest, null, 2)}\n`)
    expect(await verifyBundle(join(base, 'copy-a'))).toEqual({ ok: true, diagnostics: [] })
  })

  it('writes the same copy as a reproducible .zip, identical in content to the folder', async () => {
    await bundle('copy-b.zip')
    await bundle('copy-c.zip')
    const [b, c] = await Promise.all([
      readFile(join(base, 'copy-b.zip')),
      readFile(join(base, 'copy-c.zip')),
    ])
    expect(b.equals(c)).toBe(true)
    expect(await verifyBundle(join(base, 'copy-a'), join(base, 'copy-b.zip'))).toEqual({
      ok: true,
      diagnostics: [],
    })
  })

  it('writes the same .zip with its files packed on threads as on the main thread', async () => {
    // 600 attachments, enough for threads: the same project with threads and without.
    const root = join(base, 'many')
    await cp(exampleRoot, root, { recursive: true })
    await mkdir(join(root, 'files', 'many'))
    const template = example.entries[0] as (typeof example.entries)[number]
    const entries = [...example.entries]
    for (let i = 0; i < 600; i++) {
      const path = `files/many/scan-${i}.txt`
      await writeFile(join(root, path), `扫描件 ${i}\n`.repeat(i % 40))
      entries.push({ ...template, id: `many-${i}`, attachments: [{ path }] })
    }
    const zip = async (name: string, threads: number) => {
      await createBundle({
        ...example,
        entries,
        root,
        files: example.loaded.files,
        out: join(base, name),
        threads,
      })
      return readFile(join(base, name))
    }
    const [threaded, main] = [await zip('threads.zip', 2), await zip('main.zip', 0)]
    expect(threaded.equals(main)).toBe(true)
    expect(await verifyBundle(join(base, 'threads.zip'))).toEqual({ ok: true, diagnostics: [] })
  })

  it('refuses to replace an existing output unless forced', async () => {
    await expect(bundle('copy-a')).rejects.toThrow(/已存在/)
    await expect(bundle('copy-b.zip', true)).resolves.toMatchObject({
      out: join(base, 'copy-b.zip'),
    })
  })

  it('replaces a bundle folder with force: the new copy in place, nothing left beside it', async () => {
    await bundle('copy-g')
    await writeFile(join(base, 'copy-g', 'stale.txt'), 'from an earlier copy')
    await bundle('copy-g', true)
    expect(await verifyBundle(join(base, 'copy-g'))).toEqual({ ok: true, diagnostics: [] })
    expect((await readdir(base)).filter((name) => name.includes('copy-g'))).toEqual(['copy-g'])
  })

  it('names the file when one byte of one attachment changes', async () => {
    await bundle('copy-d')
    const file = join(base, 'copy-d', 'files', 'fgj', 'fgj-01-research.txt')
    await appendFile(file, 'x')
    const one = await verifyBundle(join(base, 'copy-d'), undefined, { locale: 'en' })
    expect(one.ok).toBe(false)
    expect(one.diagnostics.map((d) => [d.ruleId, d.location.path])).toEqual([
      ['bundle/changed', '/files/fgj/fgj-01-research.txt'],
    ])
    expect(one.diagnostics[0]?.message).toMatch(
      /^File "files\/fgj\/fgj-01-research.txt" differs from the manifest/,
    )
    const two = await verifyBundle(join(base, 'copy-a'), join(base, 'copy-d'))
    expect(two.diagnostics.map((d) => d.ruleId)).toEqual(['bundle/changed', 'bundle/copies-differ'])
    expect(two.diagnostics[1]?.message).toBe(
      '两份台账中文件“files/fgj/fgj-01-research.txt”不同:内容不同',
    )
  })

  it('reports missing and extra files, an absent manifest and unreadable paths', async () => {
    await bundle('copy-f')
    await rm(join(base, 'copy-f', 'ledger', 'zzb.yaml'))
    await writeFile(join(base, 'copy-f', 'notes.txt'), 'added later')
    const result = await verifyBundle(join(base, 'copy-f'))
    expect(result.diagnostics.map((d) => [d.ruleId, d.data.path])).toEqual([
      ['bundle/missing', 'ledger/zzb.yaml'],
      ['bundle/extra', 'notes.txt'],
    ])
    await rm(join(base, 'copy-f', 'manifest.json'))
    expect((await verifyBundle(join(base, 'copy-f'))).diagnostics.map((d) => d.ruleId)).toEqual([
      'bundle/no-manifest',
    ])
    expect((await verifyBundle(join(base, 'nowhere'))).diagnostics.map((d) => d.ruleId)).toEqual([
      'bundle/unreadable',
    ])
  })
})
