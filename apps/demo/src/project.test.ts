import { describe, expect, it } from 'vitest'
import { exampleFiles } from './example.js'
import { initialLocale, messages } from './i18n.js'
import {
  classify,
  defaultAsOf,
  loadProject,
  mergeOpened,
  type ProjectFile,
  viewProject,
} from './project.js'

const encode = (text: string) => new TextEncoder().encode(text)

describe('a project opened in the browser', () => {
  it('reads the bundled example and finds exactly what the CLI finds', async () => {
    const files = await exampleFiles()
    expect(files.find((f) => f.path === 'plan.yaml')).toBeDefined()
    const project = await loadProject(files, { locale: 'zh-CN' })
    expect(project.entries).toHaveLength(147)
    expect(project.ledgerFiles).toHaveLength(16)
    const { diagnostics, views } = viewProject(project, '2017-12-31', 'zh-CN')
    expect(diagnostics).toHaveLength(14)
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(8)
    expect(diagnostics.map((d) => d.ruleId)).toContain('attachment/hash-mismatch')
    expect(views?.items).toHaveLength(15)
  })

  it('without attachment files, skips the attachment rules rather than calling all missing', async () => {
    const files = (await exampleFiles()).filter((f) => classify(f) !== 'attachment')
    const project = await loadProject(files, { locale: 'en' })
    expect(project.attachments).toBeUndefined()
    const { diagnostics } = viewProject(project, '2017-12-31', 'en')
    expect(diagnostics.some((d) => d.ruleId.startsWith('attachment/'))).toBe(false)
  })

  it('judges paths that leave the folder without looking them up', async () => {
    const files = await exampleFiles()
    const ledger: ProjectFile = {
      path: 'ledger/escape.yaml',
      bytes: encode(
        'schema: reformkit/ledger@1\nunit: fgj\nentries:\n  - { id: esc-1, item: item-01, kind: research, date: 2017-05-01, title: 调研, attachments: [{ path: ../../etc/passwd }, { path: "C:\\\\secret.txt" }] }\n',
      ),
    }
    const project = await loadProject([...files, ledger], { locale: 'zh-CN' })
    expect(project.attachments?.get('../../etc/passwd')).toEqual({
      path: '../../etc/passwd',
      outsideRoot: 'parent',
      exists: false,
    })
    expect(project.attachments?.get('C:\\secret.txt')?.outsideRoot).toBe('drive')
    const { diagnostics } = viewProject(project, '2017-12-31', 'zh-CN')
    expect(diagnostics.filter((d) => d.ruleId === 'attachment/outside-root')).toHaveLength(2)
  })

  it('reports a broken file as findings, never throws', async () => {
    const files = await exampleFiles()
    const broken: ProjectFile[] = [
      {
        path: 'ledger/bad.yaml',
        bytes: encode('schema: reformkit/ledger@1\nentries: [unclosed\n'),
      },
      { path: 'ledger/binary.json', bytes: new Uint8Array([0, 159, 146, 150, 0, 1]) },
    ]
    const project = await loadProject(mergeOpened(files, broken), { locale: 'en' })
    const { diagnostics } = viewProject(project, '2017-12-31', 'en')
    const where = new Set(diagnostics.map((d) => d.location.file))
    expect(where.has('ledger/bad.yaml')).toBe(true)
    expect(where.has('ledger/binary.json')).toBe(true)
    // The opened ledger replaced the example's: only the broken files remain.
    expect(project.ledgerFiles).toEqual(['ledger/bad.yaml', 'ledger/binary.json'])
  })

  it('a plan without a project is reported, and no views are made', async () => {
    const project = await loadProject(
      [{ path: 'plan.yaml', bytes: encode('schema: reformkit/plan@1\nid: [\n') }],
      { locale: 'zh-CN' },
    )
    expect(project.plan).toBeUndefined()
    const checked = viewProject(project, '2017-12-31', 'zh-CN')
    expect(checked.views).toBeUndefined()
    expect(checked.diagnostics.length).toBeGreaterThan(0)
  })
})

describe('page settings', () => {
  it('opens on the end of the plan period once it has passed, else on today', () => {
    const period = { start: '2017-01-01', end: '2017-12-31' }
    const plan = { period } as Parameters<typeof defaultAsOf>[0]
    expect(defaultAsOf(plan, '2026-11-25')).toBe('2017-12-31')
    expect(defaultAsOf(plan, '2017-06-30')).toBe('2017-06-30')
  })

  it('starts in the saved language, else the browser’s', () => {
    expect(initialLocale('en', ['zh-CN'])).toBe('en')
    expect(initialLocale(null, ['fr', 'en-GB'])).toBe('en')
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(initialLocale(null, [])).toBe('zh-CN')
  })

  it('has every word in both languages, none empty', () => {
    const flat = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [k] : flat(v).map((x) => `${k}.${x}`),
      )
    expect(flat(messages.en)).toEqual(flat(messages['zh-CN']))
    const values = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : values(v)))
    for (const v of [...values(messages.en), ...values(messages['zh-CN'])])
      expect(v.trim()).not.toBe('')
  })
})
