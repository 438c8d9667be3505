import { describe, expect, it } from 'vitest'
import { entry, plan } from '../../test/fixtures.js'
import { rules } from '../rules/index.js'
import { checkLedger } from './check-ledger.js'
import { compareCopies } from './compare-copies.js'
import type { AttachmentFact } from './rule.js'

const sha = (c: string) => c.repeat(64)
const fact = (path: string, digest: string, bytes = 10): AttachmentFact => ({
  path,
  exists: true,
  sha256: sha(digest),
  bytes,
})

describe('compareCopies', () => {
  const a1 = entry({ id: 'a1', attachments: [{ path: 'files/a.pdf' }] })
  const a2 = entry({ id: 'a2', attachments: [{ path: 'files/b.pdf' }] })

  it('finds two copies identical when entries and attachment contents match, in any order', () => {
    const facts = new Map([
      ['files/a.pdf', fact('files/a.pdf', 'a')],
      ['files/b.pdf', fact('files/b.pdf', 'b')],
    ])
    const reordered = { ...a1, source: { path: '/entries/9', line: 99 } }
    const result = compareCopies(
      { label: 'kept', entries: [a1, a2], attachments: facts },
      { label: 'sent', entries: [a2, reordered], attachments: new Map(facts) },
    )
    expect(result).toEqual({ label: 'sent', differences: [], identical: true })
  })

  it('lists entries and attachments added, removed and changed, by id and path', () => {
    const kept = {
      label: 'kept',
      entries: [a1, a2],
      attachments: new Map([
        ['files/a.pdf', fact('files/a.pdf', 'a')],
        ['files/b.pdf', fact('files/b.pdf', 'b')],
      ]),
    }
    const a3 = entry({ id: 'a3', attachments: [{ path: 'files/c.pdf' }] })
    const sent = {
      label: '报区创新办',
      entries: [{ ...a1, title: '改过的标题', date: '2017-04-01' }, a3],
      attachments: new Map([
        ['files/a.pdf', fact('files/a.pdf', 'f')],
        ['files/c.pdf', fact('files/c.pdf', 'c')],
      ]),
    }
    expect(compareCopies(kept, sent).differences).toEqual([
      { kind: 'changed', what: 'entry', id: 'a1', fields: ['date', 'title'] },
      { kind: 'removed', what: 'entry', id: 'a2' },
      { kind: 'added', what: 'entry', id: 'a3' },
      { kind: 'changed', what: 'attachment', id: 'files/a.pdf' },
      { kind: 'removed', what: 'attachment', id: 'files/b.pdf' },
      { kind: 'added', what: 'attachment', id: 'files/c.pdf' },
    ])
  })

  it('compares declared hashes when no file facts are given, and keeps repeated ids apart', () => {
    const declared = (digest: string) =>
      entry({ id: 'd', attachments: [{ path: 'x.pdf', sha256: sha(digest) }] })
    const result = compareCopies(
      { label: 'v1', entries: [declared('1')] },
      { label: 'v2', entries: [declared('2'), declared('2')] },
    )
    expect(result.differences.map((d) => [d.kind, d.what, d.id])).toEqual([
      ['changed', 'entry', 'd'],
      ['added', 'entry', 'd#2'],
      ['changed', 'attachment', 'x.pdf'],
    ])
  })

  it('feeds copies/identical, one finding per difference', () => {
    const comparison = compareCopies(
      { label: 'kept', entries: [a1] },
      { label: 'copy-2', entries: [] },
    )
    const { diagnostics } = checkLedger({
      plan,
      entries: [a1],
      asOf: '2017-12-31',
      copies: [comparison],
      rules: rules.filter((r) => r.id === 'copies/identical'),
    })
    expect(diagnostics.map((d) => d.message)).toEqual([
      '另一份台账(copy-2)缺少附件“files/a.pdf”',
      '另一份台账(copy-2)缺少条目“a1”',
    ])
  })
})
