import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plan } from '../../test/fixtures.js'
import { checkLedger } from '../engine/check-ledger.js'
import { rules } from '../rules/index.js'
import { sha256File } from './attachments.js'
import { loadLedger } from './load-ledger.js'

let base: string
let root: string
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'reformkit-ledger-'))
  root = join(base, 'project')
  await mkdir(join(root, 'ledger'), { recursive: true })
  await mkdir(join(root, 'files'), { recursive: true })
  await writeFile(join(base, 'secret.txt'), 'outside the root')
  await writeFile(join(root, 'files', '调研报告.pdf'), 'report')
})
afterEach(() => rm(base, { recursive: true, force: true }))

const ledgerFile = (unit: string, attachments: string[]) => `schema: reformkit/ledger@1
unit: ${unit}
entries:
  - id: ${unit}-1
    item: i1
    kind: research
    date: 2017-03-01
    title: 调研报告
    attachments: [${attachments.map((path) => `\n      { path: ${JSON.stringify(path)} }`).join(',')}]
`

describe('loadLedger', () => {
  it('merges the ledger files of a folder and hashes the attachments', async () => {
    await writeFile(join(root, 'ledger', 'fgj.yaml'), ledgerFile('fgj', ['files/调研报告.pdf']))
    await writeFile(join(root, 'ledger', 'park-a.yml'), ledgerFile('park-a', ['files/none.pdf']))
    await writeFile(join(root, 'ledger', 'readme.txt'), 'not a ledger')
    const progress: string[] = []
    const result = await loadLedger('ledger', {
      root,
      plan,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    })
    expect(result.diagnostics).toEqual([])
    expect(result.files).toEqual(['ledger/fgj.yaml', 'ledger/park-a.yml'])
    expect(result.entries.map((e) => [e.id, e.unit, e.source?.file, e.source?.line])).toEqual([
      ['fgj-1', 'fgj', 'ledger/fgj.yaml', 4],
      ['park-a-1', 'park-a', 'ledger/park-a.yml', 4],
    ])
    expect([...result.attachments.values()]).toEqual([
      {
        path: 'files/调研报告.pdf',
        exists: true,
        bytes: 6,
        sha256: await sha256File(join(root, 'files', '调研报告.pdf')),
      },
      { path: 'files/none.pdf', exists: false },
    ])
    expect(progress).toEqual(['read 1/2', 'read 2/2', 'hash 1/2', 'hash 2/2'])
  })

  it('looks at the attachments of a file while the next files are read', async () => {
    // A path that leaves the root is judged as soon as its file is handed over: its answer
    // comes before the last file is read (it came after, when the reads never yielded).
    await writeFile(join(root, 'ledger', 'a.yaml'), ledgerFile('a', ['../outside.pdf']))
    for (const unit of ['b', 'c', 'd', 'e'])
      await writeFile(
        join(root, 'ledger', `${unit}.yaml`),
        ledgerFile(unit, ['files/调研报告.pdf']),
      )
    const progress: string[] = []
    await loadLedger('ledger', {
      root,
      plan,
      onProgress: (p) => progress.push(p.phase === 'hash' ? `hash ${p.path}` : `read ${p.done}`),
    })
    expect(progress.indexOf('hash ../outside.pdf')).toBeGreaterThan(-1)
    expect(progress.indexOf('hash ../outside.pdf')).toBeLessThan(progress.indexOf('read 5'))
  })

  it('never reads outside the root: .., absolute, drive and symlinked paths', async () => {
    await symlink(join(base, 'secret.txt'), join(root, 'files', 'link.txt'))
    const paths = [
      '../../etc/passwd',
      '../secret.txt',
      join(base, 'secret.txt'),
      'C:\\secret.txt',
      'files/link.txt',
    ]
    await writeFile(join(root, 'ledger', 'fgj.yaml'), ledgerFile('fgj', paths))
    const result = await loadLedger(['ledger/fgj.yaml'], { root, plan })
    expect(
      [...result.attachments.values()].map((a) => [a.path, a.outsideRoot, a.exists, a.sha256]),
    ).toEqual([
      ['../../etc/passwd', 'parent', false, undefined],
      ['../secret.txt', 'parent', false, undefined],
      [join(base, 'secret.txt'), 'absolute', false, undefined],
      ['C:\\secret.txt', 'drive', false, undefined],
      ['files/link.txt', 'symlink', false, undefined],
    ])
    const check = checkLedger({
      plan,
      entries: result.entries,
      asOf: '2017-12-31',
      attachments: result.attachments,
      rules: rules.filter((r) => r.id === 'attachment/outside-root'),
    })
    expect(check.diagnostics.map((d) => [d.ruleId, d.location.file, d.location.line])).toEqual(
      paths.map((_, i) => ['attachment/outside-root', 'ledger/fgj.yaml', 10 + i]),
    )
  })

  it('follows symbolic links that stay inside the root', async () => {
    await symlink(join(root, 'files', '调研报告.pdf'), join(root, 'files', 'alias.pdf'))
    await writeFile(join(root, 'ledger', 'fgj.yaml'), ledgerFile('fgj', ['files/alias.pdf']))
    const result = await loadLedger('ledger', { root })
    expect(result.attachments.get('files/alias.pdf')).toMatchObject({ exists: true, bytes: 6 })
  })

  it('reads GB18030 files and reports unreadable paths, empty folders and binary files', async () => {
    // "# 发改局" in GBK after an ASCII ledger: valid GB18030, invalid UTF-8.
    const text = Buffer.from(ledgerFile('fgj', []).replace('调研报告', 'REPORT'))
    const comment = Buffer.from('23b7a2b8c4bed60a', 'hex')
    await writeFile(join(root, 'ledger', 'a.yaml'), Buffer.concat([text, comment]))
    await writeFile(join(root, 'ledger', 'b.json'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))
    await mkdir(join(root, 'empty'))
    const result = await loadLedger(['ledger', 'missing.yaml', 'empty'], { root, locale: 'en' })
    expect(result.ok).toBe(false)
    expect(result.entries.map((e) => e.id)).toEqual(['fgj-1'])
    expect(result.diagnostics.map((d) => [d.location.file, d.ruleId, d.message])).toEqual([
      ['empty', 'ledger/no-files', 'The folder holds no ledger file (.yaml, .yml or .json)'],
      ['ledger/a.yaml', 'source/encoding', expect.stringMatching(/read as GB18030/)],
      ['ledger/b.json', 'source/binary', expect.stringMatching(/not a text file/)],
      ['missing.yaml', 'ledger/unreadable', 'Cannot be read: no such file or folder'],
    ])
  })

  it('refuses oversized files without reading them', async () => {
    await writeFile(join(root, 'ledger', 'big.yaml'), 'x'.repeat(2048))
    const result = await loadLedger('ledger', { root, maxBytes: 1024 })
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      [
        'source/too-large',
        '台账文件大小为 2 KiB,超过上限 1 KiB;请按单位或年度拆分为几个较小的台账文件',
      ],
    ])
  })
})
