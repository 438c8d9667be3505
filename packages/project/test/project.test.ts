import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkProject,
  classify,
  loadProject,
  mergeOpened,
  ProjectError,
  type ProjectFile,
  relativeToProject,
} from '../src/index.js'
import { loadProject as loadFolder } from '../src/node/index.js'

const root = fileURLToPath(new URL('../../../examples/wuhan-etdz-2017/', import.meta.url))
const encode = (text: string) => new TextEncoder().encode(text)

/** The example folder as a browser sees it once dropped: paths under the folder's name. */
function dropped(): ProjectFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return walk(root).map((path) => ({
    path: `wuhan-etdz-2017/${relative(root, path)}`,
    bytes: new Uint8Array(readFileSync(path)),
  }))
}

const summary = (diagnostics: ReturnType<typeof checkProject>['diagnostics']) =>
  diagnostics.map((d) => [d.ruleId, d.location.file, d.location.line, d.message].join(' '))

describe("a profile of the project's own (reformkit.profile.yaml)", () => {
  const plan = readFileSync(join(root, 'plan.yaml'))
  const profile = encode(
    'schema: reformkit/profile@1\nid: own\nname: 本区保障措施\nextends: wuhan-etdz-2017\nsupervision: year\n',
  )
  it('is the base of the requirements, in the browser and on disk alike', async () => {
    const files = [
      { path: 'plan.yaml', bytes: new Uint8Array(plan) },
      { path: 'reformkit.profile.yaml', bytes: profile },
    ]
    expect(files.map(classify)).toEqual(['plan', 'profile'])
    const project = await loadProject(files)
    expect(project.profile?.id).toBe('own')
    const { requirements } = checkProject(project, { asOf: '2017-12-31' })
    expect(requirements).toMatchObject({ profile: 'own', supervision: 'year' })
    expect(requirements?.ordinary.decision).toEqual(['research', 'discussion', 'meetingDecision'])
  })

  it('its rubric scores the project, unless the config writes one', async () => {
    const withRubric = encode(
      'schema: reformkit/profile@1\nid: own\nname: 本区\nrubric: { progress: 50, kpiAttainment: 50 }\n',
    )
    const files = [
      { path: 'plan.yaml', bytes: new Uint8Array(plan) },
      { path: 'reformkit.profile.yaml', bytes: withRubric },
    ]
    const fromProfile = await loadProject(files)
    expect(fromProfile.rubricFrom).toBe('profile')
    expect(fromProfile.reportConfig?.rubric).toMatchObject({ progress: 50, kpiAttainment: 50 })
    const config = encode('schema: reformkit/config@1\nrubric: { progress: 30 }\n')
    const fromConfig = await loadProject([
      ...files,
      { path: 'reformkit.config.yaml', bytes: config },
    ])
    expect(fromConfig.rubricFrom).toBe('config')
    expect(fromConfig.reportConfig?.rubric).toMatchObject({ progress: 30, kpiAttainment: 40 })
  })

  it('a broken one is a located finding, and the requirements fall back', async () => {
    const broken = encode('schema: reformkit/profile@1\nid: own\nname: x\nsupervision: weekly\n')
    const project = await loadProject([
      { path: 'plan.yaml', bytes: new Uint8Array(plan) },
      { path: 'reformkit.profile.yaml', bytes: broken },
    ])
    const found = project.diagnostics.find((d) => d.location.file === 'reformkit.profile.yaml')
    expect(found).toMatchObject({ severity: 'error', location: { line: 4 } })
    expect(checkProject(project, { asOf: '2017-12-31' }).requirements?.profile).toBe('generic')
  })
})

describe('one loader for the command line and the browser', () => {
  it('reads the example folder and the dropped folder alike, and checks them alike', async () => {
    const folder = await loadFolder(root, { locale: 'en' })
    const files = await loadProject(relativeToProject(dropped()), { locale: 'en' })
    expect(folder.entries).toHaveLength(147)
    expect(files.entries).toEqual(folder.entries)
    expect(files.ledgerFiles).toEqual(folder.ledgerFiles)
    expect([...(files.attachments?.values() ?? [])]).toEqual([
      ...(folder.attachments?.values() ?? []),
    ])
    const a = checkProject(folder, { asOf: '2017-12-31', locale: 'en' })
    const b = checkProject(files, { asOf: '2017-12-31', locale: 'en' })
    expect(summary(b.diagnostics)).toEqual(summary(a.diagnostics))
    expect(a.diagnostics.map((d) => d.ruleId)).toContain('attachment/hash-mismatch')
    // Everything the folder's check read is listed, so that no output overwrites it.
    expect(folder.inputs).toContain(join(root, 'plan.yaml'))
    expect(folder.inputs.length).toBeGreaterThan(147)
  })

  it('applies rule overrides over the config, and resolves the requirements once', async () => {
    const folder = await loadFolder(root)
    const checked = checkProject(folder, {
      asOf: '2017-12-31',
      ruleOverrides: { 'decision/procedure-complete': 'off' },
    })
    expect(checked.diagnostics.some((d) => d.ruleId === 'decision/procedure-complete')).toBe(false)
    expect(checked.requirements?.decision).toEqual(['research', 'discussion', 'meetingDecision'])
  })

  it('a missing folder or plan.yaml is a ProjectError, in the asked language', async () => {
    await expect(loadFolder(join(root, 'nope'), { locale: 'en' })).rejects.toMatchObject({
      name: 'ProjectError',
      code: 'no-folder',
      message: expect.stringMatching(/No project folder/),
    })
    const error = await loadFolder(join(root, 'ledger')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).code).toBe('no-plan')
    expect((error as ProjectError).message).toMatch(/没有 plan.yaml/)
  })

  it('a broken plan is a finding; the rest is not read and nothing is checked', async () => {
    const project = await loadProject([{ path: 'plan.yaml', bytes: encode('id: [\n') }])
    expect(project.plan).toBeUndefined()
    const checked = checkProject(project, { asOf: '2017-12-31' })
    expect(checked.checked).toBeUndefined()
    expect(checked.diagnostics.length).toBeGreaterThan(0)
  })
})

describe('opening files over a project', () => {
  const plan = { path: 'plan.yaml', bytes: encode('schema: reformkit/plan@1\n') }
  const config = { path: 'reformkit.config.yaml', bytes: encode('rules: {}\n') }
  const ledger = (name: string) => ({
    path: `ledger/${name}.yaml`,
    bytes: encode('schema: reformkit/ledger@1\nentries: []\n'),
  })
  const paths = (files: ProjectFile[]) => files.map((f) => f.path)

  it('a plan starts a new project; ledger files replace the ledger; a config the config', () => {
    const current = [plan, config, ledger('a'), { path: 'files/x.txt', bytes: encode('x') }]
    expect(paths(mergeOpened(current, [plan]))).toEqual(['plan.yaml'])
    expect(paths(mergeOpened(current, [ledger('b')]))).toEqual([
      'plan.yaml',
      'reformkit.config.yaml',
      'ledger/b.yaml',
    ])
    expect(paths(mergeOpened(current, [config]))).toEqual([
      'plan.yaml',
      'ledger/a.yaml',
      'files/x.txt',
      'reformkit.config.yaml',
    ])
  })

  it('makes paths relative to the folder of plan.yaml, or above ledger/', () => {
    expect(paths(relativeToProject([{ ...plan, path: 'd/plan.yaml' }, ledger('a')]))).toEqual([
      'plan.yaml',
    ])
    expect(paths(relativeToProject([{ ...ledger('a'), path: 'd/ledger/a.yaml' }]))).toEqual([
      'ledger/a.yaml',
    ])
  })

  it('tells files by their schema line, not only their name', () => {
    expect(classify({ path: 'my-plan.yml', bytes: encode('"schema": "reformkit/plan@1"') })).toBe(
      'plan',
    )
    expect(classify({ path: 'units.json', bytes: encode('{"schema":"reformkit/ledger@1"}') })).toBe(
      'ledger',
    )
    expect(classify({ path: 'minutes.pdf', bytes: encode('%PDF') })).toBe('attachment')
  })
})
